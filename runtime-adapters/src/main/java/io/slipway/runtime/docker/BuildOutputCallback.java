package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a build's JSON messages into output lines: {@code stream} items are the builder's output,
 * {@code error} items its failure, which is kept to fail the build with.
 */
final class BuildOutputCallback extends StreamCallback<BuildResponseItem> {

    private final OutputListener output;
    private final LineSplitter stdout;
    private volatile String buildError;

    BuildOutputCallback(OutputListener output) {
        this.output = output;
        this.stdout = new LineSplitter(line -> output.onLine(OutputChannel.STDOUT, line));
    }

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
            stdout.accept(item.getStream().getBytes(StandardCharsets.UTF_8));
        }
        if (item.isErrorIndicated()) {
            stdout.flush();
            buildError = errorOf(item);
            output.onLine(OutputChannel.STDERR, buildError);
        }
    }

    @Override
    public void onComplete() {
        stdout.flush();
        super.onComplete();
    }

    /** The builder's error message, when the build failed. */
    Optional<String> buildError() {
        return Optional.ofNullable(buildError);
    }

    private static String errorOf(ResponseItem item) {
        ResponseItem.ErrorDetail detail = item.getErrorDetail();
        String message = detail != null && detail.getMessage() != null ? detail.getMessage() : item.getError();
        return message.strip();
    }
}
