import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Run by the build (single-file source, on the JVM that runs Maven) only when that JVM is older
 * than 21: looks where JDKs are usually installed for one of version 21 or newer, so a machine
 * without any stops in its first seconds with one sentence saying what to install, instead of the
 * toolchains plugin's "define toolchains.xml". The toolchains plugin then does the real selection;
 * the places here are the ones its discovery reads.
 */
public class RequireJdk {

    private static final int NEEDED = 21;
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    public static void main(String[] args) throws IOException {
        if (candidates().stream().noneMatch(RequireJdk::isNewEnough)) {
            System.err.println("quizbot needs a JDK " + NEEDED + " or newer and none is installed"
                    + " (Maven itself runs on Java " + System.getProperty("java.specification.version")
                    + "): install one, for example Eclipse Temurin 21 or the openjdk-21-jdk package,"
                    + " and run the same command again.");
            System.exit(1);
        }
    }

    private static List<Path> candidates() throws IOException {
        List<Path> paths = new ArrayList<>();
        // -Drequire-jdk.roots=a:b looks only there: how .ci/run checks the message of a machine without one.
        String onlyRoots = System.getProperty("require-jdk.roots");
        if (onlyRoots != null) {
            for (String root : onlyRoots.split(java.io.File.pathSeparator)) {
                addChildren(Path.of(root), paths);
            }
            return paths;
        }
        System.getenv().forEach((name, value) -> {
            if (name.matches("JAVA(\\d+)?_HOME") || name.matches("JDK(\\d+)?_HOME")) {
                paths.add(Path.of(value));
            }
        });
        String home = System.getProperty("user.home");
        for (Path root : List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines"), Path.of(home, ".sdkman/candidates/java"),
                Path.of(home, ".jdks"), Path.of(home, ".asdf/installs/java"),
                Path.of("C:\\Program Files\\Java"), Path.of("C:\\Program Files\\Eclipse Adoptium"))) {
            addChildren(root, paths);
        }
        return paths;
    }

    private static void addChildren(Path root, List<Path> paths) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> children = Files.list(root)) {
                children.forEach(child -> {
                    paths.add(child);
                    paths.add(child.resolve("Contents/Home"));
                });
            }
        }
    }

    private static boolean isNewEnough(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(jdk.resolve("bin/javac"))
                && !Files.isRegularFile(jdk.resolve("bin/javac.exe"))) {
            return false;
        }
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
            return version.find() && Integer.parseInt(version.group(1)) >= NEEDED;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
