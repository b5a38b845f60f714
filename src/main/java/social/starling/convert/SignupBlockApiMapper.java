package social.starling.convert;

import java.time.Instant;
import java.util.List;
import social.starling.convert.entity.AdminCanonicalEmailBlockEntity;
import social.starling.convert.entity.AdminEmailDomainBlockEntity;
import social.starling.convert.entity.AdminIpBlockEntity;
import social.starling.model.CanonicalEmailBlock;
import social.starling.model.EmailDomainBlock;
import social.starling.model.IpBlock;

/** Sign-up blocks as Mastodon's admin entities. */
public final class SignupBlockApiMapper {

    /** One day of an e-mail domain block's history, handed in by the caller. */
    public record Day(Instant day, long accounts, long uses) {
    }

    public AdminEmailDomainBlockEntity toApi(EmailDomainBlock block, List<Day> history) {
        return new AdminEmailDomainBlockEntity(Long.toString(block.id()), block.domain(), block.createdAt(),
                history.stream().map(d -> new AdminEmailDomainBlockEntity.History(
                        Long.toString(d.day().getEpochSecond()), Long.toString(d.accounts()),
                        Long.toString(d.uses()))).toList());
    }

    public AdminIpBlockEntity toApi(IpBlock block) {
        return new AdminIpBlockEntity(Long.toString(block.id()), block.ip(), block.severity().apiName(),
                block.comment(), block.createdAt(), block.expiresAt());
    }

    public AdminCanonicalEmailBlockEntity toApi(CanonicalEmailBlock block) {
        return new AdminCanonicalEmailBlockEntity(Long.toString(block.id()), block.canonicalEmailHash());
    }
}
