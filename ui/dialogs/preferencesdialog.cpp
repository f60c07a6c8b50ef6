#include "ui/dialogs/preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

namespace longitude::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_appearance(new QComboBox(this))
    , m_autosave(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    m_appearance->addItem(tr("Follow the system"), static_cast<int>(Appearance::System));
    m_appearance->addItem(tr("Light"), static_cast<int>(Appearance::Light));
    m_appearance->addItem(tr("Dark"), static_cast<int>(Appearance::Dark));
    m_autosave->setRange(5, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setToolTip(tr("How often unsaved changes are copied to a recovery file"));

    auto *form = new QFormLayout;
    form->addRow(tr("Appearance"), m_appearance);
    form->addRow(tr("Autosave every"), m_autosave);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void PreferencesDialog::setAppearance(Appearance appearance)
{
    m_appearance->setCurrentIndex(m_appearance->findData(static_cast<int>(appearance)));
}

PreferencesDialog::Appearance PreferencesDialog::appearance() const
{
    return static_cast<Appearance>(m_appearance->currentData().toInt());
}

void PreferencesDialog::setAutosaveIntervalS(int seconds)
{
    m_autosave->setValue(seconds);
}

int PreferencesDialog::autosaveIntervalS() const
{
    return m_autosave->value();
}

} // namespace longitude::ui
