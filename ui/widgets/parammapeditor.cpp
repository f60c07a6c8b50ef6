#include "ui/widgets/parammapeditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace longitude::ui {

ParamMapEditor::ParamMapEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    m_table->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(fontMetrics().height() * 4);
    m_table->setMaximumHeight(fontMetrics().height() * 8);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto *add = new QToolButton(this);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a parameter"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the selected parameter"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, [this] {
        m_filling = true;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(tr("name")));
        m_table->setItem(row, 1, new QTableWidgetItem(QStringLiteral("0")));
        m_filling = false;
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        emit edited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
}

void ParamMapEditor::setParams(const engine::ParamMap &params)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const auto &[name, value] : params) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
        m_table->setItem(row, 1, new QTableWidgetItem(QString::number(value, 'g', 10)));
    }
    m_filling = false;
}

engine::ParamMap ParamMapEditor::params() const
{
    engine::ParamMap params;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        if (name == nullptr || name->text().trimmed().isEmpty())
            continue;
        bool ok = false;
        const double number = value != nullptr ? value->text().toDouble(&ok) : 0.0;
        // A value that is not a finite number is left out rather than saved as an unreadable file;
        // the row keeps what was typed until the form reloads.
        if (ok && std::isfinite(number))
            params[name->text().trimmed().toStdString()] = number;
    }
    return params;
}

} // namespace longitude::ui
