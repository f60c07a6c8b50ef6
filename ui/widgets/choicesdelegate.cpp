#include "ui/widgets/choicesdelegate.h"

#include "models/modelroles.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QLineEdit>
#include <QLocale>

namespace longitude::ui {

namespace {

bool isNumeric(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

} // namespace

QWidget *ChoicesDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const QStringList choices = index.data(models::ChoicesRole).toStringList();
    if (!choices.isEmpty()) {
        auto *combo = new QComboBox(parent);
        combo->addItems(choices);
        // Commit as soon as a value is picked, like a spreadsheet.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<ChoicesDelegate *>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }
    auto *edit = new QLineEdit(parent);
    const QVariant value = index.data(Qt::EditRole);
    if (m_numeric || isNumeric(value)) {
        auto *validator = new QDoubleValidator(edit);
        validator->setNotation(QDoubleValidator::StandardNotation);
        validator->setLocale(QLocale::c());
        edit->setValidator(validator);
    }
    Q_UNUSED(option);
    return edit;
}

void ChoicesDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findText(value.toString()));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(value.typeId() == QMetaType::Double ? QString::number(value.toDouble(), 'g', 10) : value.toString());
        edit->selectAll();
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoicesDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, edit->text());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace longitude::ui
