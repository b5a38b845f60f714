package social.starling.service.moderation;

import java.net.IDN;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.DomainModerationRepository;
import social.starling.model.DomainBlock;

/**
 * What the server's domain moderation says of a remote domain, as everything that federates asks it: the inbox,
 * delivery, remote fetches and the media cache. The blocks and allows are held in memory as one snapshot, reloaded
 * when {@link #invalidate()} is called (on every node, through the event bus: {@code DomainPolicyChanged}) and in
 * any case after {@link #TTL_NANOS}, so a lost event costs a minute of staleness at most.
 *
 * <p>A block or an allow covers its domain and every subdomain (Mastodon's {@code DomainBlock.rule_for}: the most
 * specific rule wins). Domains are compared as stored on accounts: lower case, with a port when one is not the
 * default; a rule on a bare host also covers that host on any port. The server's own domain and local accounts
 * (no domain) are never covered.
 */
public final class DomainPolicy {
    static final long TTL_NANOS = 60_000_000_000L;

    private record Snapshot(Map<String, DomainBlock> blocks, Set<String> allows, long loadedAt) {
    }

    private final Database db;
    private final DomainModerationRepository repository;
    private final boolean limitedFederation;
    private final String ownDomain;
    private volatile Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public DomainPolicy(Database db, DomainModerationRepository repository, boolean limitedFederation,
                        String ownDomain) {
        this.db = db;
        this.repository = repository;
        this.limitedFederation = limitedFederation;
        this.ownDomain = ownDomain == null ? "" : ownDomain.toLowerCase(Locale.ROOT);
    }

    /** Forgets the snapshot: the next question reloads it. */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    public boolean limitedFederation() {
        return limitedFederation;
    }

    /** The block that applies to {@code domain} (the most specific), if any. */
    public Optional<DomainBlock> blockFor(String domain) {
        if (local(domain)) {
            return Optional.empty();
        }
        Map<String, DomainBlock> blocks = snapshot().blocks();
        for (String candidate : candidates(domain)) {
            DomainBlock b = blocks.get(candidate);
            if (b != null) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Whether the domain is on the allow list (it or a parent domain). */
    public boolean allowed(String domain) {
        if (local(domain)) {
            return true;
        }
        Set<String> allows = snapshot().allows();
        return candidates(domain).stream().anyMatch(allows::contains);
    }

    /**
     * Whether nothing is exchanged with the domain: suspended, or not allowed in limited federation mode. Its
     * activities are dropped, nothing is delivered to it, nothing fetched from it.
     */
    public boolean refuses(String domain) {
        if (local(domain)) {
            return false;
        }
        if (limitedFederation && !allowed(domain)) {
            return true;
        }
        return blockFor(domain).map(DomainBlock::suspends).orElse(false);
    }

    /** {@link #refuses} for the host (and port) of a URL; an unparsable URL is refused. */
    public boolean refusesUrl(String url) {
        return domainOf(url).map(this::refuses).orElse(true);
    }

    /** Whether media from the domain is not fetched: refused, or blocked with reject_media. */
    public boolean refusesMedia(String domain) {
        return refuses(domain) || blockFor(domain).map(DomainBlock::rejectMedia).orElse(false);
    }

    /** Whether reports (Flags) from the domain are ignored. */
    public boolean refusesReports(String domain) {
        return refuses(domain) || blockFor(domain).map(DomainBlock::rejectReports).orElse(false);
    }

    /** The domain of a URL as accounts store it: the host in lower case, with the port when one is given. */
    public static Optional<String> domainOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(uri.getPort() == -1 ? host : host + ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A domain as an admin typed it, normalised (lower case, IDN to ASCII, no scheme, path or trailing dot), or
     * empty when it is not a domain name (with an optional port).
     */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String d = input.strip().toLowerCase(Locale.ROOT);
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        String port = "";
        int colon = d.lastIndexOf(':');
        if (colon >= 0) {
            port = d.substring(colon);
            d = d.substring(0, colon);
            if (!port.matches(":[0-9]{1,5}")) {
                return Optional.empty();
            }
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (d.length() > 253 || !d.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
            return Optional.empty();
        }
        return Optional.of(d + port);
    }

    private boolean local(String domain) {
        return domain == null || domain.isEmpty() || domain.toLowerCase(Locale.ROOT).equals(ownDomain);
    }

    /** The domain itself, then (for host:port) the bare host, then each parent domain. */
    public static List<String> candidates(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        List<String> out = new java.util.ArrayList<>();
        out.add(d);
        int colon = d.lastIndexOf(':');
        String host = colon >= 0 ? d.substring(0, colon) : d;
        if (!host.equals(d)) {
            out.add(host);
        }
        if (host.matches("[0-9.]+") || host.startsWith("[")) {
            return out;
        }
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            String parent = host.substring(dot + 1);
            if (parent.indexOf('.') < 0 && !parent.equals("localhost")) {
                break;
            }
            out.add(parent);
        }
        return out;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt() > TTL_NANOS) {
            long before = generation.get();
            s = db.read(tx -> {
                Map<String, DomainBlock> blocks = new HashMap<>();
                repository.allBlocks(tx).forEach(b -> blocks.put(b.domain(), b));
                Set<String> allows = new HashSet<>();
                repository.allAllows(tx).forEach(a -> allows.add(a.domain()));
                return new Snapshot(Map.copyOf(blocks), Set.copyOf(allows), System.nanoTime());
            });
            if (generation.get() == before) {
                // A reload that raced with a change keeps the old answer out of the cache.
                snapshot = s;
            }
        }
        return s;
    }
}
