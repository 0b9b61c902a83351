package io.slipway.manifest.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.slipway.manifest.AppJson;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ParsedManifests;
import io.slipway.manifest.Procfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a typical app.json and Procfile, side by side so that results read as ratios: the same app.json with
 * and without comments and trailing commas, the Procfile alone, both files, and Jackson merely tokenising the
 * app.json as a floor. Run as README.md says; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ManifestParserBenchmark {

    private static final JsonFactory TOKENISER = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final ManifestParser parser = new ManifestParser();
    private byte[] appJson;
    private byte[] commentedAppJson;
    private byte[] procfile;

    @Setup
    public void readFixtures() throws IOException {
        appJson = fixture("dokku-tasks.app.json");
        commentedAppJson = fixture("dokku-tasks-commented.app.json");
        procfile = fixture("typical.Procfile");
    }

    @Benchmark
    public AppJson appJson() throws ManifestException {
        return parser.parseAppJson(appJson);
    }

    @Benchmark
    public AppJson appJsonWithCommentsAndTrailingCommas() throws ManifestException {
        return parser.parseAppJson(commentedAppJson);
    }

    @Benchmark
    public Procfile procfileOnly() throws ManifestException {
        return parser.parseProcfile(procfile);
    }

    @Benchmark
    public ParsedManifests appJsonAndProcfile() throws ManifestException {
        return parser.parse(appJson, procfile);
    }

    /** The floor: Jackson's tokens of the same app.json, with no tree, no positions kept and no checks. */
    @Benchmark
    public int jacksonTokensOnly() throws IOException {
        int tokens = 0;
        try (JsonParser tokeniser = TOKENISER.createParser(appJson)) {
            while (tokeniser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ManifestParserBenchmark.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name + " on the test classpath");
            }
            return in.readAllBytes();
        }
    }
}
