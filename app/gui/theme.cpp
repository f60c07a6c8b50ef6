#include "app/gui/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace longitude::app {

namespace {

QPalette g_systemPalette;
Theme::Appearance g_current = Theme::Appearance::System;

QPalette lightPalette()
{
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    // setColor(role, colour) sets every group: give disabled text its grey back, or a disabled
    // widget (stale results, a greyed field) reads like an enabled one.
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text})
        p.setColor(QPalette::Disabled, role, QColor(0x8c, 0x95, 0x9f));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe7, 0xe9);
    const QColor disabled(0x80, 0x83, 0x88);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x24, 0x25, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void Theme::initialize()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    g_systemPalette = QApplication::palette();
}

void Theme::apply(Appearance appearance)
{
    g_current = appearance;
    switch (appearance) {
    case Appearance::System: QApplication::setPalette(g_systemPalette); break;
    case Appearance::Light: QApplication::setPalette(lightPalette()); break;
    case Appearance::Dark: QApplication::setPalette(darkPalette()); break;
    }
}

Theme::Appearance Theme::current()
{
    return g_current;
}

Theme::Appearance Theme::fromSettings()
{
    const QString name = QSettings().value(QStringLiteral("appearance"), QStringLiteral("system")).toString();
    if (name == QLatin1String("light"))
        return Appearance::Light;
    if (name == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

void Theme::saveToSettings(Appearance appearance)
{
    const char *name = appearance == Appearance::Light ? "light" : appearance == Appearance::Dark ? "dark" : "system";
    QSettings().setValue(QStringLiteral("appearance"), QString::fromLatin1(name));
}

} // namespace longitude::app
