#pragma once

#include <QStyledItemDelegate>

namespace longitude::ui {

/// Cell editor for every Longitude table: a combo box of the valid values where the model offers
/// them (models::ChoicesRole: region ids, GPU types, pricing modes, ...), otherwise a line edit,
/// with a number validator for numeric cells. The value goes back through the model's setData(),
/// which validates it and pushes the undo command.
class ChoicesDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// Treats every free-text cell as a number (e.g. the RTT matrix, whose empty cells have no
    /// value to tell the type from).
    void setNumeric(bool numeric) { m_numeric = numeric; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    bool m_numeric = false;
};

} // namespace longitude::ui
