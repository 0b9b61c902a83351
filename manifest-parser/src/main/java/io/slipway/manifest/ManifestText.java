package io.slipway.manifest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A manifest's bytes as text: at most {@link ManifestParser#MAX_FILE_BYTES}, UTF-8, without a byte-order mark.
 * Decoding here rather than in Jackson keeps columns counted in characters for both files.
 */
final class ManifestText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ManifestText() {}

    /** The text, or empty when the file is too large or not UTF-8 (an error is recorded). */
    static Optional<String> decode(byte[] bytes, ProblemCollector problems) {
        if (bytes.length > ManifestParser.MAX_FILE_BYTES) {
            problems.error(
                    Position.WHOLE_FILE,
                    "",
                    "the file is " + bytes.length + " bytes; the limit is 1 MiB (" + ManifestParser.MAX_FILE_BYTES
                            + " bytes)");
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int offset = in.position();
            problems.error(
                    positionAfterBom(out, out.length()),
                    "",
                    String.format("not valid UTF-8: byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset));
            return Optional.empty();
        }
        String text = out.toString();
        return Optional.of(startsWithBom(text) ? text.substring(1) : text);
    }

    private static Position positionAfterBom(CharSequence text, int index) {
        return startsWithBom(text)
                ? Position.of(text.subSequence(1, text.length()), index - 1)
                : Position.of(text, index);
    }

    private static boolean startsWithBom(CharSequence text) {
        return text.length() > 0 && text.charAt(0) == BYTE_ORDER_MARK;
    }
}
