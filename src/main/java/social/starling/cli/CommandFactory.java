package social.starling.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds picocli's command objects, giving the {@link AppFactory} to every command whose constructor takes one
 * (the others are built as picocli would).
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final AppFactory apps;

    public CommandFactory(AppFactory apps) {
        this.apps = apps;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> withApps = type.getDeclaredConstructor(AppFactory.class);
            withApps.setAccessible(true);
            return withApps.newInstance(apps);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
