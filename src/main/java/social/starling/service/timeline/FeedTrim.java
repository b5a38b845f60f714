package social.starling.service.timeline;

import java.util.List;
import social.starling.db.Database;
import social.starling.db.Tx;
import social.starling.db.TxFunction;

/**
 * The recurring trim of materialised feeds (home and list): finding the feeds over the cap is a read (it does not
 * hold the writer); they are then trimmed a hundred at a time in short transactions, so posting and fan-out go on
 * meanwhile.
 */
final class FeedTrim {
    static final int BATCH = 100;

    interface TrimOne {
        int trim(Tx tx, long feedId);
    }

    private FeedTrim() {
    }

    /** Trims each feed {@code overfull} names with {@code trimOne}; returns how many entries were removed. */
    static int inBatches(Database db, TxFunction<List<Long>> overfull, TrimOne trimOne) {
        List<Long> feeds = db.read(overfull);
        int removed = 0;
        for (int from = 0; from < feeds.size(); from += BATCH) {
            List<Long> batch = feeds.subList(from, Math.min(feeds.size(), from + BATCH));
            removed += db.inTransaction(tx -> {
                int n = 0;
                for (long feedId : batch) {
                    n += trimOne.trim(tx, feedId);
                }
                return n;
            });
        }
        return removed;
    }
}
