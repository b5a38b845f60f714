package social.starling.convert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import social.starling.convert.entity.AdminDimensionEntity;
import social.starling.convert.entity.AdminMeasureEntity;
import social.starling.model.Dimension;
import social.starling.model.Measure;

/** The admin dashboard's measures and dimensions as Mastodon's Admin::Measure and Admin::Dimension. */
public final class DashboardApiMapper {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB"};

    public AdminMeasureEntity toApi(Measure m) {
        return new AdminMeasureEntity(m.key(), m.unit(), Long.toString(m.total()),
                "bytes".equals(m.unit()) ? humanSize(m.total()) : null,
                m.previousTotal() == null ? null : Long.toString(m.previousTotal()),
                m.data().stream().map(p -> new AdminMeasureEntity.Data(
                        p.date() + "T00:00:00.000+00:00", Long.toString(p.value()))).toList());
    }

    public AdminDimensionEntity toApi(Dimension d) {
        return new AdminDimensionEntity(d.key(), d.data().stream()
                .map(i -> new AdminDimensionEntity.Data(i.key(), i.humanKey(), i.value())).toList());
    }

    /** Rails' number_to_human_size: "0 Bytes", "1 Byte", "1.46 KB", "780 GB" (three significant digits, 1024 steps). */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " Byte" : " Bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros();
        return rounded.toPlainString() + " " + UNITS[unit];
    }
}
