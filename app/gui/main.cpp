// Longitude GUI entry point (placeholder until the GUI lands).
#include <QApplication>
#include <QLabel>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Longitude"));
    label.show();
    return app.exec();
}
