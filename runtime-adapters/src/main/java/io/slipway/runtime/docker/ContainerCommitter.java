package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.runtime.ContainerRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a stopped task container into an image that has the task's files and exactly the original
 * image's configuration: Entrypoint, Cmd, WorkingDir, Env (same entries, same order), User, ports,
 * labels and the rest.
 *
 * <p>A commit takes the container's configuration, and neither engine lets one take a variable back
 * out: Docker merges every variable of the container into the committed image whatever the changes
 * say, and Podman writes every variable it gave the process, its own {@code TERM} and
 * {@code container} included. So the container is committed as it is, and then an image archive
 * holding only a new configuration (the original's, over the committed layers) is loaded under the
 * reference; the intermediate image is removed. Both engines take a layer they already hold from
 * their store instead of from the archive, so the archive's layer files are empty: Podman needs them
 * to be there, Docker never opens them.
 */
final class ContainerCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerCommitter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_FILE = "config.json";

    private final RawEngineApi raw;
    private final EngineErrors errors;
    private final Images images;

    ContainerCommitter(RawEngineApi raw, EngineErrors errors, Images images) {
        this.raw = raw;
        this.errors = errors;
        this.images = images;
    }

    /**
     * @param original the image the task container was created from; the container keeps it in the store, so
     *     it is there to read its configuration from
     * @return the new image's id, {@code sha256:}-prefixed on both engines
     */
    String commit(String containerId, String original, String reference) {
        String action = "commit task container into " + reference;
        // The body must be {}: Podman answers an empty one with "Decode(): EOF".
        String intermediate = ImageNames.normaliseId(errors.call(
                action,
                () -> raw.postJson(
                                RawEngineApi.compatPath("/commit", List.of(Map.entry("container", containerId))), "{}")
                        .path("Id")
                        .asText()));
        String id = null;
        try {
            // Two image reads, which Podman can fail for a moment while other commits write images.
            byte[] archive = images.readAgainWhileUnknown(
                    "image " + intermediate,
                    () -> errors.call(action, () -> configOnlyArchive(original, intermediate, reference)));
            List<JsonNode> messages = errors.call(
                    action,
                    () -> raw.postTar(
                            RawEngineApi.compatPath("/images/load", List.of(Map.entry("quiet", "1"))),
                            new ByteArrayInputStream(archive)));
            messages.stream()
                    .map(message -> message.path("error"))
                    .filter(JsonNode::isTextual)
                    .findFirst()
                    .ifPresent(error -> {
                        throw new ContainerRuntimeException("cannot " + action + ": " + error.asText());
                    });
            id = images.idOf(reference);
            return id;
        } finally {
            if (!intermediate.equals(id)) {
                removeIntermediate(intermediate);
            }
        }
    }

    /**
     * A {@code docker save} archive of one image: the original's configuration over the committed
     * image's layers, tagged {@code reference}. Its layer files are named in the manifest but empty.
     */
    private byte[] configOnlyArchive(String original, String committedId, String reference) {
        JsonNode committed = raw.get(inspectPath(committedId));
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", committed.path("Architecture").asText());
        config.put("os", committed.path("Os").asText());
        if (!committed.path("Variant").asText().isEmpty()) {
            config.put("variant", committed.path("Variant").asText());
        }
        config.put("created", committed.path("Created").asText());
        config.set("config", raw.get(inspectPath(original)).path("Config"));
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        committed.path("RootFS").path("Layers").forEach(diffIds::add);

        ImageNames.Reference target = ImageNames.split(reference);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("Config", CONFIG_FILE);
        manifest.putArray("RepoTags").add(target.repository() + ":" + target.tag());
        ArrayNode layers = manifest.putArray("Layers");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < diffIds.size(); i++) {
                String layer = "layer-" + i + ".tar";
                layers.add(layer);
                addFile(tar, layer, new byte[0]);
            }
            addFile(tar, CONFIG_FILE, JSON.writeValueAsBytes(config));
            addFile(
                    tar,
                    "manifest.json",
                    JSON.writeValueAsBytes(JSON.createArrayNode().add(manifest)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String inspectPath(String image) {
        return RawEngineApi.compatPath("/images/" + image + "/json", List.of());
    }

    private static void addFile(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** The reference names the new image; a leftover intermediate would only take space. */
    private void removeIntermediate(String intermediate) {
        try {
            images.remove(intermediate);
        } catch (ContainerRuntimeException e) {
            LOG.warn("intermediate image {} of a commit could not be removed: {}", intermediate, e.getMessage());
        }
    }
}
