package social.starling.service.media;

import java.awt.image.BufferedImage;

/**
 * A BlurHash encoder (the algorithm published at blurhash.sh, which Mastodon uses for media and the instance
 * thumbnail): the image's colours as a few cosine components, in linear light, quantised and written in base 83.
 * The first character gives the component counts, the second the AC maximum, four the average colour (DC), two per
 * AC component after.
 */
public final class Blurhash {
    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private Blurhash() {
    }

    /** @param xComponents 1-9 across, @param yComponents 1-9 down (Mastodon uses 4 by 3) */
    public static String encode(BufferedImage image, int xComponents, int yComponents) {
        if (xComponents < 1 || xComponents > 9 || yComponents < 1 || yComponents > 9) {
            throw new IllegalArgumentException("components must be 1-9");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] linear = new double[w * h][3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double[] px = linear[y * w + x];
                px[0] = toLinear((rgb >> 16) & 0xff);
                px[1] = toLinear((rgb >> 8) & 0xff);
                px[2] = toLinear(rgb & 0xff);
            }
        }
        double[][] factors = new double[xComponents * yComponents][];
        for (int j = 0; j < yComponents; j++) {
            for (int i = 0; i < xComponents; i++) {
                factors[j * xComponents + i] = factor(linear, w, h, i, j);
            }
        }
        StringBuilder hash = new StringBuilder();
        base83(hash, (xComponents - 1) + (yComponents - 1) * 9, 1);
        double maximum = 1;
        if (factors.length > 1) {
            double actual = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double c : factors[k]) {
                    actual = Math.max(actual, Math.abs(c));
                }
            }
            int quantised = (int) Math.max(0, Math.min(82, Math.floor(actual * 166 - 0.5)));
            maximum = (quantised + 1) / 166.0;
            base83(hash, quantised, 1);
        } else {
            base83(hash, 0, 1);
        }
        double[] dc = factors[0];
        base83(hash, (toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            base83(hash, quantiseAc(ac[0], maximum) * 19 * 19 + quantiseAc(ac[1], maximum) * 19
                    + quantiseAc(ac[2], maximum), 2);
        }
        return hash.toString();
    }

    private static double[] factor(double[][] linear, int w, int h, int i, int j) {
        double[] cosX = new double[w];
        for (int x = 0; x < w; x++) {
            cosX[x] = Math.cos(Math.PI * i * x / w);
        }
        double r = 0;
        double g = 0;
        double b = 0;
        for (int y = 0; y < h; y++) {
            double cosY = Math.cos(Math.PI * j * y / h);
            for (int x = 0; x < w; x++) {
                double basis = cosX[x] * cosY;
                double[] px = linear[y * w + x];
                r += basis * px[0];
                g += basis * px[1];
                b += basis * px[2];
            }
        }
        double scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (w * (double) h);
        return new double[] {r * scale, g * scale, b * scale};
    }

    private static int quantiseAc(double value, double maximum) {
        double v = value / maximum;
        return (int) Math.max(0, Math.min(18, Math.floor(Math.copySign(Math.sqrt(Math.abs(v)), v) * 9 + 9.5)));
    }

    private static double toLinear(int srgb) {
        double v = srgb / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? (int) Math.round(v * 12.92 * 255)
                : (int) Math.round((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255);
    }

    private static void base83(StringBuilder out, int value, int length) {
        for (int i = 1; i <= length; i++) {
            int digit = (int) (value / Math.pow(83, length - i)) % 83;
            out.append(DIGITS.charAt(digit));
        }
    }
}
