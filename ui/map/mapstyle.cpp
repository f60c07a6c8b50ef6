#include "mapstyle.h"

#include "engine/scenario/scenario.h"

namespace longitude::ui {

namespace {

QFont pixelFont(int pixelSize, QFont::Weight weight = QFont::Normal, bool italic = false)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Sans Serif")});
    font.setPixelSize(pixelSize);
    font.setWeight(weight);
    font.setItalic(italic);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

} // namespace

MapStyle::MapStyle()
    : regionFont(pixelFont(12, QFont::DemiBold))
    , badgeFont(pixelFont(11))
    , linkFont(pixelFont(11, QFont::DemiBold))
    , countryFont(pixelFont(11, QFont::Normal, true))
    , legendFont(pixelFont(11))
    , legendTitleFont(pixelFont(11, QFont::Bold))
{
    countryFont.setLetterSpacing(QFont::AbsoluteSpacing, 0.6);
}

const QList<QColor> &MapStyle::zonePalette()
{
    static const QList<QColor> palette{
        QColor(0x4e, 0x79, 0xa7), // blue
        QColor(0xf2, 0x8e, 0x2b), // orange
        QColor(0x59, 0xa1, 0x4f), // green
        QColor(0xe1, 0x57, 0x59), // red
        QColor(0xb0, 0x7a, 0xa1), // mauve
        QColor(0x76, 0xb7, 0xb2), // teal
        QColor(0x9c, 0x75, 0x5f), // brown
        QColor(0xff, 0x9d, 0xa7), // pink
        QColor(0x6b, 0x6e, 0xcf), // indigo
        QColor(0x3d, 0x8a, 0x8a), // dark teal
    };
    return palette;
}

QColor MapStyle::zoneColor(const engine::Scenario &scenario, const std::string &zoneId) const
{
    // Zones with their own colour keep it; the others take, in zone order, the palette colours
    // that no zone uses yet, so an automatic colour never repeats an explicit one.
    QList<QRgb> taken;
    for (const engine::ResidencyZone &zone : scenario.zones) {
        const QColor own(QString::fromStdString(zone.color));
        if (!zone.color.empty() && own.isValid())
            taken << own.rgb();
    }
    qsizetype next = 0;
    for (const engine::ResidencyZone &zone : scenario.zones) {
        const QColor own(QString::fromStdString(zone.color));
        const bool hasOwn = !zone.color.empty() && own.isValid();
        QColor color = own;
        if (!hasOwn) {
            const QList<QColor> &palette = zonePalette();
            const qsizetype start = next;
            while (next - start < palette.size() && taken.contains(palette.at(next % palette.size()).rgb()))
                ++next;
            color = palette.at(next % palette.size());
            taken << color.rgb();
            ++next;
        }
        if (zone.id == zoneId)
            return color;
    }
    return unassignedZone;
}

} // namespace longitude::ui
