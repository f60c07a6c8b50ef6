#include "models/workerthreads.h"

#include <QObject>
#include <QThread>

namespace longitude::models {

WorkerThreads::WorkerThreads(QObject *context)
    : m_context(context)
{
}

WorkerThreads::~WorkerThreads()
{
    retire();
    for (QThread *thread : std::as_const(m_retiring)) {
        thread->wait();
        delete thread;
    }
}

void WorkerThreads::start(std::function<void()> work)
{
    QThread *thread = QThread::create(std::move(work));
    m_current = thread;
    QObject::connect(thread, &QThread::finished, m_context, [this, thread] { collect(thread); });
    thread->start();
}

void WorkerThreads::retire()
{
    if (m_current != nullptr)
        m_retiring << m_current;
    m_current = nullptr;
}

void WorkerThreads::collect(QThread *thread)
{
    // Reports the worker queued before ending were delivered before this slot (same queue).
    thread->wait();
    m_retiring.removeOne(thread);
    if (thread == m_current)
        m_current = nullptr;
    thread->deleteLater();
}

} // namespace longitude::models
