package io.chuk.protocol.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs podman the way this machine allows (runc as the runtime, cgroupfs) with a bound on every
 * call, and makes the images the tests need: the tools and the Debian base image through the
 * repository's scripts (a failure to install fails the test), then the root Containerfile's image.
 */
final class Podman {
    static final String BASE_IMAGE = "localhost/chuk-debian-jre:17";
    static final String IMAGE = "localhost/chuk-protocol-server:test";
    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

    private static final List<String> GLOBAL = List.of("podman", "--runtime", "/usr/sbin/runc", "--cgroup-manager=cgroupfs");
    private static boolean serverImageBuilt;
    private static boolean baseReady;

    private Podman() {
    }

    record Result(int exitCode, String output) {
        Result expectSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed with exit code " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Result podman(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(GLOBAL);
        command.addAll(List.of(args));
        return execute(command, timeout);
    }

    /** The base image and the tools, once per test JVM. */
    static synchronized void ensureBase() {
        if (baseReady) {
            return;
        }
        execute(List.of("bash", ROOT.resolve("scripts/ensure-container-tools.sh").toString()), Duration.ofMinutes(5))
                .expectSuccess("installing podman, runc and debootstrap");
        execute(List.of("bash", ROOT.resolve("scripts/ensure-base-image.sh").toString(), BASE_IMAGE), Duration.ofMinutes(8))
                .expectSuccess("building the base image " + BASE_IMAGE);
        baseReady = true;
    }

    /** The root Containerfile's image on the local base, built once per test JVM from the packaged jar. */
    static synchronized String serverImage() {
        if (!serverImageBuilt) {
            ensureBase();
            if (!Files.isRegularFile(ROOT.resolve("jetty-standalone/target/protocol-server.jar"))) {
                throw new AssertionError("jetty-standalone/target/protocol-server.jar is missing: package first");
            }
            // docker format: the OCI image format has no HEALTHCHECK.
            podman(Duration.ofMinutes(3), "build", "--format", "docker", "--build-arg", "BASE=" + BASE_IMAGE,
                    "-t", IMAGE, "-f", ROOT.resolve("Containerfile").toString(), ROOT.toString())
                    .expectSuccess("podman build of the Containerfile");
            serverImageBuilt = true;
        }
        return IMAGE;
    }

    private static Result execute(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("podman", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
