// The engine must stay free of Qt (STYLE.md: app -> ui -> models -> engine), and lower layers
// must never include upper ones. This test reads the sources, so it fails the moment a file
// breaks the rule.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

class TestLayering : public QObject
{
    Q_OBJECT

    static QStringList offenders(const fs::path &root, const std::regex &forbidden)
    {
        QStringList found;
        for (const auto &entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file())
                continue;
            const auto ext = entry.path().extension().string();
            if (ext != ".h" && ext != ".cpp" && ext != ".hpp")
                continue;
            std::ifstream in(entry.path());
            std::string line;
            int lineNo = 0;
            while (std::getline(in, line)) {
                ++lineNo;
                if (std::regex_search(line, forbidden))
                    found << QString::fromStdString(entry.path().string() + ":" + std::to_string(lineNo) + ": " + line);
            }
        }
        return found;
    }

private slots:
    void engineHasNoQt()
    {
        const fs::path engine = fs::path(LONGITUDE_SOURCE_DIR) / "engine";
        QVERIFY(fs::exists(engine / "scenario" / "scenario.h"));
        const auto bad = offenders(engine, std::regex("#\\s*include\\s*[<\"](Q|qt)"));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void engineDoesNotIncludeUpperLayers()
    {
        const fs::path engine = fs::path(LONGITUDE_SOURCE_DIR) / "engine";
        const auto bad = offenders(engine, std::regex("#\\s*include\\s*\"(models|ui|app)/"));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void modelsHaveNoWidgets()
    {
        const fs::path models = fs::path(LONGITUDE_SOURCE_DIR) / "models";
        const auto bad = offenders(models, std::regex(
            "#\\s*include\\s*[<\"](QtWidgets|QWidget|QMainWindow|QDialog|QGraphics|QtCharts|QChart|ui/|app/)"));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void uiDoesNotIncludeApp()
    {
        const fs::path ui = fs::path(LONGITUDE_SOURCE_DIR) / "ui";
        const auto bad = offenders(ui, std::regex("#\\s*include\\s*\"app/"));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void chartsOnlyInUiCharts()
    {
        const fs::path ui = fs::path(LONGITUDE_SOURCE_DIR) / "ui";
        QStringList bad;
        for (const auto &entry : fs::directory_iterator(ui)) {
            if (!entry.is_directory() || entry.path().filename() == "charts")
                continue;
            bad << offenders(entry.path(), std::regex("#\\s*include\\s*[<\"](QtCharts|QChart|QLineSeries|QValueAxis)"));
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }
};

QTEST_APPLESS_MAIN(TestLayering)
#include "tst_layering.moc"
