package social.starling.federation.fetch;

import java.time.Duration;
import social.starling.config.Config;
import social.starling.support.Versions;

/**
 * Limits of the outbound client.
 *
 * @param addresses       where it may connect
 * @param connectTimeout  per connection attempt
 * @param requestTimeout  for a whole fetch: every redirect hop and the body
 * @param maxJsonBytes    the largest JSON document read (Mastodon: 1 MiB, activitypub/activity.rb MAX_JSON_SIZE)
 * @param maxRedirects    redirects followed for a GET
 * @param userAgent       {@code Starling/<version> (+<base URL>)}
 */
public record FetchSettings(AddressPolicy addresses, Duration connectTimeout, Duration requestTimeout,
                            int maxJsonBytes, int maxRedirects, String userAgent) {
    public static final int DEFAULT_MAX_JSON_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 3;

    public static FetchSettings from(Config config) {
        return new FetchSettings(new AddressPolicy(config.federation().allowPrivate()),
                config.federation().connectTimeout(), config.federation().requestTimeout(), DEFAULT_MAX_JSON_BYTES,
                DEFAULT_MAX_REDIRECTS, userAgent(config.server().baseUrl()));
    }

    public static String userAgent(String baseUrl) {
        return "Starling/" + Versions.STARLING + " (+" + baseUrl + ")";
    }
}
