// Hourly shapes from traces, checked against rates computed by hand.

#include "models/traceshape.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using longitude::models::TraceShape;

class TestTraceShape : public QObject
{
    Q_OBJECT

private slots:
    void mooncakePlacedAtStartHour();
    void azureCsvRatesPerCoveredSecond();
    void serveGenSumsWindowsThenAverages();
    void badLineNamesFileAndLine();
    void unknownFormatIsRefused();
    void sharedAzureTrace();

private:
    QString write(const QByteArray &text, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return path;
    }
    QTemporaryDir m_dir;
};

void TestTraceShape::mooncakePlacedAtStartHour()
{
    // Four requests over the first 30 minutes; placed at 10:00 they all fall in hour 10.
    const QString path = write("{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 5, \"hash_ids\": [1]}\n"
                               "{\"timestamp\": 600000, \"input_length\": 10, \"output_length\": 5, \"hash_ids\": [1]}\n"
                               "{\"timestamp\": 1200000, \"input_length\": 10, \"output_length\": 5, \"hash_ids\": [1]}\n"
                               "{\"timestamp\": 1800000, \"input_length\": 10, \"output_length\": 5, \"hash_ids\": [2]}\n",
                               QStringLiteral("t.jsonl"));
    const auto shape = TraceShape::fromFile(path, 10);
    QVERIFY2(shape.has_value(), shape ? "" : qPrintable(shape.error()));
    QCOMPARE(shape->format(), TraceShape::Format::Mooncake);
    QCOMPARE(shape->records(), 4LL);
    QCOMPARE(shape->coveredHours(), 1);
    QVERIFY(shape->covered()[10]);
    QCOMPARE(shape->hourly()[10], 1.0);
    QCOMPARE(shape->hourly()[11], 0.0);
    QCOMPARE(shape->peakRps(), 4.0 / 1800.0); // 4 requests in 1,800 covered seconds
}

void TestTraceShape::azureCsvRatesPerCoveredSecond()
{
    // 18:15 to 19:15: hour 18 has 2 requests in 2,700 s, hour 19 one in 900 s (the busier).
    const QString path = write("TIMESTAMP,ContextTokens,GeneratedTokens\n"
                               "2023-11-16 18:15:00.0000000,374,44\n"
                               "2023-11-16 18:45:00.5000000,396,109\n"
                               "2023-11-16 19:15:00.0000000,100,10\n",
                               QStringLiteral("t.csv"));
    const auto shape = TraceShape::fromFile(path);
    QVERIFY2(shape.has_value(), shape ? "" : qPrintable(shape.error()));
    QCOMPARE(shape->format(), TraceShape::Format::AzureCsv);
    QCOMPARE(shape->coveredHours(), 2);
    QCOMPARE(shape->peakRps(), 1.0 / 900.0);
    QVERIFY(qFuzzyCompare(shape->hourly()[18], (2.0 / 2700.0) / (1.0 / 900.0)));
    QCOMPARE(shape->hourly()[19], 1.0);
}

void TestTraceShape::serveGenSumsWindowsThenAverages()
{
    // Hour 0: windows of 100+50 and 90 req/s -> mean 120; hour 1: one window of 300 req/s.
    const QString path = write("category,model,window_start_s,day,hour_of_day,total_rate_rps,active_clients,rate_weighted_mean_cv\n"
                               "language,m,0,0,0.00,100,1,1\n"
                               "reasoning,m,0,0,0.00,50,1,1\n"
                               "language,m,600,0,0.17,90,1,1\n"
                               "language,m,3600,0,1.00,300,1,1\n",
                               QStringLiteral("sg.csv"));
    const auto shape = TraceShape::fromFile(path);
    QVERIFY2(shape.has_value(), shape ? "" : qPrintable(shape.error()));
    QCOMPARE(shape->format(), TraceShape::Format::ServeGenAggregate);
    QCOMPARE(shape->peakRps(), 300.0);
    QCOMPARE(shape->hourly()[0], 0.4);
    QCOMPARE(shape->hourly()[1], 1.0);
    QCOMPARE(shape->coveredHours(), 2);
}

void TestTraceShape::badLineNamesFileAndLine()
{
    const QString path = write("TIMESTAMP,ContextTokens,GeneratedTokens\n"
                               "2023-11-16 18:15:00.0000000,374,44\n"
                               "yesterday,1,1\n",
                               QStringLiteral("bad.csv"));
    const auto shape = TraceShape::fromFile(path);
    QVERIFY(!shape.has_value());
    QVERIFY2(shape.error().startsWith(QStringLiteral("bad.csv:3:")), qPrintable(shape.error()));
}

void TestTraceShape::unknownFormatIsRefused()
{
    const auto shape = TraceShape::fromFile(write("a,b\n1,2\n", QStringLiteral("other.csv")));
    QVERIFY(!shape.has_value());
    QVERIFY(shape.error().contains(QStringLiteral("other.csv")));
}

void TestTraceShape::sharedAzureTrace()
{
    const QString path = QStringLiteral(LONGITUDE_SHARED_DATA_DIR "/traces/azure_llm_2023_conv.csv");
    if (!QFile::exists(path))
        QSKIP("../shared/data is absent: the Azure 2023 conversation trace is not available");
    const auto shape = TraceShape::fromFile(path);
    QVERIFY2(shape.has_value(), shape ? "" : qPrintable(shape.error()));
    // Every non-empty line after the header is one request.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    long long dataLines = -1;
    for (const QByteArray &line : file.readAll().split('\n'))
        dataLines += line.trimmed().isEmpty() ? 0 : 1;
    QCOMPARE(shape->records(), dataLines);
    QVERIFY(shape->coveredHours() >= 1);
    QCOMPARE(*std::max_element(shape->hourly().begin(), shape->hourly().end()), 1.0);
}

QTEST_GUILESS_MAIN(TestTraceShape)
#include "tst_traceshape.moc"
