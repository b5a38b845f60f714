package social.starling.wiring;

import social.starling.App;

/**
 * One feature area's wiring: builds its handlers (and services of its own) from the App's core services, and
 * registers its routes and jobs. Listed in {@link Modules}.
 */
public interface Module {
    void install(App app, Wiring wiring);
}
