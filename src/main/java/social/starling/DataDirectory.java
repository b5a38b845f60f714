package social.starling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import social.starling.config.Config;
import social.starling.config.ConfigException;

/** Makes sure the data directory (and the SQLite file's folder) exist and can be written, before anything opens. */
final class DataDirectory {
    private DataDirectory() {
    }

    static void prepare(Config config) {
        writable(config.dataDir(), "STARLING_DATA_DIR");
        String url = config.database().url();
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            file = query < 0 ? file : file.substring(0, query);
            if (!file.startsWith(":memory:") && !file.isBlank()) {
                Path parent = Path.of(file).toAbsolutePath().getParent();
                if (parent != null) {
                    writable(parent, "STARLING_DATABASE_URL");
                }
            }
        }
    }

    private static void writable(Path dir, String option) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(option + ": cannot create directory " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new ConfigException(option + ": directory " + dir + " is not writable");
        }
        try {
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new ConfigException(option + ": directory " + dir + " is not writable (" + e.getMessage() + ")");
        }
    }
}
