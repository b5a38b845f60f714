package social.starling.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names and status texts for seeded data, derived from an index so that writing them needs no memory: texts of
 * 5 to 60 words from a small vocabulary, some with a hashtag or a link, a few with a content warning.
 */
final class SeedTexts {
    static final String[] TAGS = {"fediverse", "java", "photography", "cats", "gardening", "music", "books",
        "climate", "cycling", "cooking", "linux", "opensource", "art", "science", "running", "coffee", "travel",
        "birds", "history", "movies"};

    private static final String[] FIRST = {"ada", "alan", "grace", "linus", "margaret", "ken", "barbara", "dennis",
        "frances", "edsger", "radia", "niklaus", "hedy", "john", "katherine", "tim", "sophie", "guido", "anita",
        "bjarne", "carol", "donald", "evelyn", "fred", "gwen", "hugo", "ines", "jonas", "kira", "lena", "marco",
        "nora", "oskar", "paula", "quinn", "rosa", "sami", "tara", "ugo", "vera", "wim", "xenia", "yann", "zoe"};
    private static final String[] LAST = {"lovelace", "turing", "hopper", "torvalds", "hamilton", "thompson",
        "liskov", "ritchie", "allen", "dijkstra", "perlman", "wirth", "lamarr", "backus", "johnson", "berners",
        "wilson", "rossum", "borg", "stroustrup", "shaw", "knuth", "berry", "brooks", "moreau", "novak", "silva",
        "keller", "meyer", "fischer", "weber", "wagner", "becker", "schulz", "koch", "richter", "klein", "wolf"};
    private static final String[] WORDS = ("the of and to in is it that was for on are as with his they at be this "
            + "from have or by one had not but what all were when we there can an your which their said if do will "
            + "each about how up out them then she many some so these would other into has more her two like him "
            + "see time could no make than first been its who now people my made over did down only way find use "
            + "may water long little very after words called just where most know get through back much before go "
            + "good new write our used me man too any day same right look think also around another came come work "
            + "three word must because does part even place well such here take why things help put years different "
            + "away again off went old number great tell men say small every found still between name should home "
            + "big give air line set own under read last never us left end along while might next sound below saw "
            + "something thought both few those always looked show large often together asked house don't world "
            + "going want school important until form food keep children feet land side without boy once animals "
            + "life enough took sometimes four head above kind began almost live page got earth need far hand high "
            + "year mother light parts country father let night following picture being study second eyes soon "
            + "times story boys since white days ever paper hard near sentence better best across during today "
            + "others however sure means knew it's try told young miles sun ways thing whole hear example heard "
            + "several change answer room sea against top turned learn point city play toward five using himself "
            + "usually server timeline toot post federation instance garden coffee bike train rain morning evening")
            .split(" ");

    private SeedTexts() {
    }

    static String username(int a) {
        return FIRST[a % FIRST.length] + "_" + LAST[(a / FIRST.length) % LAST.length] + a;
    }

    static String displayName(int a) {
        String first = FIRST[a % FIRST.length];
        String last = LAST[(a / FIRST.length) % LAST.length];
        return Character.toUpperCase(first.charAt(0)) + first.substring(1) + " "
                + Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    static String note(int a) {
        return "Seeded account " + a + ". Writes about " + TAGS[a % TAGS.length] + " and "
                + TAGS[(a * 7 + 3) % TAGS.length] + ".";
    }

    /** A status text: words, maybe a hashtag or two, maybe a link; mentions are put in front by the caller. */
    static Text status(long seed, int i) {
        Random r = new Random(seed * 1_000_003L + i);
        int words = 5 + (int) Math.min(55, Math.abs(r.nextGaussian()) * 18);
        StringBuilder text = new StringBuilder();
        List<String> tags = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            text.append(r.nextInt(12) == 0 ? ". " : " ");
        }
        text.setLength(text.length() - 1);
        text.append('.');
        if (r.nextInt(100) < 8) {
            int n = 1 + r.nextInt(2);
            for (int t = 0; t < n; t++) {
                String tag = TAGS[r.nextInt(TAGS.length)];
                if (!tags.contains(tag)) {
                    tags.add(tag);
                    text.append(" #").append(tag);
                }
            }
        }
        if (r.nextInt(100) < 5) {
            text.append(" https://example.com/articles/").append(Integer.toHexString(r.nextInt()));
        }
        String spoiler = r.nextInt(100) < 3 ? "Spoilers: " + WORDS[r.nextInt(WORDS.length)] : "";
        String language = switch (r.nextInt(20)) {
            case 0 -> "de";
            case 1 -> "fr";
            default -> "en";
        };
        return new Text(text.toString(), spoiler, language, tags);
    }

    record Text(String text, String spoiler, String language, List<String> tags) {
    }
}
