#pragma once

#include "ui/dialogs/preferencesdialog.h"

namespace longitude::app {

/// Light and dark palettes on the Fusion style. Qt 6.4 has no colour-scheme hint, so "follow the
/// system" keeps the palette the platform gave at start-up, and light and dark are explicit
/// palettes chosen for contrast (text on base ≥ 7:1).
class Theme
{
public:
    using Appearance = ui::PreferencesDialog::Appearance;

    /// Sets the Fusion style and remembers the platform palette; call once after QApplication.
    static void initialize();
    static void apply(Appearance appearance);
    static Appearance current();

    /// The appearance stored in QSettings ("appearance": system, light, dark).
    static Appearance fromSettings();
    static void saveToSettings(Appearance appearance);
};

} // namespace longitude::app
