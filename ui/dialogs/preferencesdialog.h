#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace longitude::ui {

/// The few preferences Longitude has: the appearance (follow the system, light, dark) and how
/// often unsaved work is copied to the recovery file. The window reads and stores them in
/// QSettings; this dialog only edits the values.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Appearance { System, Light, Dark };

    explicit PreferencesDialog(QWidget *parent = nullptr);

    void setAppearance(Appearance appearance);
    Appearance appearance() const;
    void setAutosaveIntervalS(int seconds);
    int autosaveIntervalS() const;

private:
    QComboBox *m_appearance;
    QSpinBox *m_autosave;
};

} // namespace longitude::ui
