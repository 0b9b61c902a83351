package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.runtime.OutputListener;
import io.slipway.runtime.OutputStream;

/** Delivers a container's multiplexed log stream as lines, stdout and stderr kept apart. */
final class ContainerOutputCallback extends StreamCallback<Frame> {

    private final LineSplitter stdout;
    private final LineSplitter stderr;

    ContainerOutputCallback(OutputListener output) {
        this.stdout = new LineSplitter(line -> output.onLine(OutputStream.STDOUT, line));
        this.stderr = new LineSplitter(line -> output.onLine(OutputStream.STDERR, line));
    }

    @Override
    public void onNext(Frame frame) {
        (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).accept(frame.getPayload());
    }

    @Override
    public void onComplete() {
        flush();
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        flush();
        super.onError(throwable);
    }

    private void flush() {
        stdout.flush();
        stderr.flush();
    }
}
