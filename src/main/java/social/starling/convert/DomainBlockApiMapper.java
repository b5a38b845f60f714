package social.starling.convert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import social.starling.convert.entity.AdminDomainAllowEntity;
import social.starling.convert.entity.AdminDomainBlockEntity;
import social.starling.convert.entity.DomainBlockEntity;
import social.starling.model.DomainAllow;
import social.starling.model.DomainBlock;

/** Domain blocks and allows → Admin::DomainBlock, Admin::DomainAllow and the public DomainBlock. */
public final class DomainBlockApiMapper {

    public AdminDomainBlockEntity toAdmin(DomainBlock b) {
        return new AdminDomainBlockEntity(Long.toString(b.id()), b.domain(), digest(b.domain()), b.createdAt(),
                b.severity().wireName(), b.rejectMedia(), b.rejectReports(), b.privateComment(), b.publicComment(),
                b.obfuscate());
    }

    public AdminDomainAllowEntity toAdmin(DomainAllow a) {
        return new AdminDomainAllowEntity(Long.toString(a.id()), a.domain(), a.createdAt());
    }

    /**
     * The public list of moderated servers (GET /api/v1/instance/domain_blocks and the about page), as Mastodon's:
     * the blocks that limit (silence, then suspend, each by domain), not the noop ones; obfuscated domains starred.
     */
    public List<DomainBlockEntity> publicList(List<DomainBlock> blocks) {
        return blocks.stream().filter(b -> b.silences() || b.suspends())
                .sorted(Comparator.<DomainBlock>comparingInt(b -> b.severity().rank()).thenComparing(DomainBlock::domain))
                .map(this::toPublic).toList();
    }

    public DomainBlockEntity toPublic(DomainBlock b) {
        return new DomainBlockEntity(b.obfuscate() ? obfuscate(b.domain()) : b.domain(), digest(b.domain()),
                b.severity().wireName(), b.publicComment());
    }

    /** SHA-256 of the domain, in hex, so one can check whether a domain one knows is on the list. */
    public static String digest(String domain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(domain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As Mastodon's DomainBlock#public_domain: the first and last quarter of the domain stay, every other character
     * but the dots becomes {@code *}, so those who know the domain recognise it without it being spelled out.
     */
    static String obfuscate(String domain) {
        int length = domain.length();
        int visible = length / 4;
        StringBuilder out = new StringBuilder(domain);
        for (int i = 0; i < length; i++) {
            if (i > visible && i < length - visible && domain.charAt(i) != '.') {
                out.setCharAt(i, '*');
            }
        }
        return out.toString();
    }
}
