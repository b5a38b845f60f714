package social.starling.service.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.InviteRepository;
import social.starling.db.UserRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.Invite;
import social.starling.support.Secrets;

/** Invite links: staff may always create them; members only when the admin allows it (STARLING_MEMBER_INVITES). */
public final class InviteService {
    private final Database db;
    private final InviteRepository invites;
    private final UserRepository users;
    private final IdGenerator ids;
    private final boolean membersMayInvite;
    private final Clock clock;

    public InviteService(Database db, InviteRepository invites, UserRepository users, IdGenerator ids,
                         boolean membersMayInvite, Clock clock) {
        this.db = db;
        this.invites = invites;
        this.users = users;
        this.ids = ids;
        this.membersMayInvite = membersMayInvite;
        this.clock = clock;
    }

    /** {@code maxUses} null: unlimited; {@code expiresIn} null: never expires. */
    public Invite create(long creatorId, Integer maxUses, Duration expiresIn) {
        if (maxUses != null && (maxUses < 1 || maxUses > 100_000)) {
            throw new UnprocessableException("Validation failed: Max uses must be between 1 and 100000");
        }
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
            throw new UnprocessableException("Validation failed: Expiry must be in the future");
        }
        return db.inTransaction(tx -> {
            boolean staff = users.find(tx, creatorId).map(u -> u.role().isStaff()).orElse(false);
            if (!staff && !membersMayInvite) {
                throw new ForbiddenException("Only staff may create invites on this server");
            }
            Instant now = clock.instant();
            Invite invite = new Invite(ids.next(), Secrets.password(8), creatorId, maxUses, 0,
                    expiresIn == null ? null : now.plus(expiresIn), null, now);
            invites.insert(tx, invite);
            return invite;
        });
    }

    public List<Invite> list(long creatorId) {
        return db.read(tx -> invites.byAccount(tx, creatorId));
    }

    public Optional<Invite> usable(String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return db.read(tx -> invites.findByCode(tx, code.trim())).filter(i -> i.usable(clock.instant()));
    }

    public boolean membersMayInvite() {
        return membersMayInvite;
    }
}
