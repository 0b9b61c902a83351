package io.slipway.engine.logs;

import io.slipway.contract.AppLogChannels;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/** The bound on one line of an app's log, cut on a character's edge so that what is sent stays valid UTF-8. */
final class LogLines {

    private LogLines() {}

    static String cut(String line) {
        // A line of at most MAX_LINE_BYTES / 3 characters cannot be longer in UTF-8: most lines skip the encoding.
        if (line.length() <= AppLogChannels.MAX_LINE_BYTES / 3) {
            return line;
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer room = ByteBuffer.allocate(AppLogChannels.MAX_LINE_BYTES);
        CharBuffer chars = CharBuffer.wrap(line);
        encoder.encode(chars, room, true);
        return line.substring(0, chars.position());
    }
}
