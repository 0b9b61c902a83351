package io.slipway.gateway.repository;

import io.slipway.contract.LogStream;
import io.slipway.contract.RunEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a run's output, numbered by the seq of the event that carried it. */
@Entity
@Table(name = "run_log_line")
public class RunLogLine {

    /** Longer lines are cut, as a deployment's are. */
    private static final int MAX_LENGTH = 65536;

    private static final String CUT = "…";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", length = 36, nullable = false)
    private String runId;

    @Column(nullable = false)
    private long seq;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private LogStream stream;

    @Column(length = MAX_LENGTH, nullable = false)
    private String line;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    protected RunLogLine() {}

    public RunLogLine(RunEvent.Output event) {
        this.runId = event.runId();
        this.seq = event.seq();
        this.stream = event.stream();
        this.line = event.line().length() > MAX_LENGTH
                ? event.line().substring(0, MAX_LENGTH - CUT.length()) + CUT
                : event.line();
        this.loggedAt = StoredTime.of(event.at());
    }

    public long seq() {
        return seq;
    }

    public LogStream stream() {
        return stream;
    }

    public String line() {
        return line;
    }

    public Instant loggedAt() {
        return loggedAt;
    }
}
