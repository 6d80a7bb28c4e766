using Bora.Kernel.Memory;
using Bora.Kernel.Tests.Memory;

namespace Bora.Kernel.Tests.UserMode.Budget;

/// <summary>
/// <c>k_mem_domain_add_thread</c> when the arch's thread hook has no room (<c>-ENOSPC</c>, which no built-in backend
/// returns: every limit leaves room for a thread's own regions): the code is passed through and the budget logged.
/// </summary>
public sealed class AddThreadBudgetTests
{
    [Test]
    public void AddThread_ArchHasNoRoom_PassesENOSPC_AndLogsTheBudget()
    {
        var log = new LogCapture();
        var driver = new RecordingDriver(synchronous: true);
        var manager = new MemoryDomainManager(driver, log: log.Logger);
        var thread = new ThreadMemoryView(1, "worker", 0x2000_0000, 0x400, 0x2000_0000, 0x400, manager.Default.View);
        Assert.That(manager.InitThread(thread, null), Is.Zero);
        MemoryDomain domain = manager.CreateDomain("busy");
        Assert.That(manager.Init(domain, 0, null), Is.Zero);
        Assert.That(log.Refusals(), Is.Empty);

        driver.ThreadAddResult = -Errno.ENoSpc;
        int rc = manager.AddThread(domain, thread);

        var events = log.Refusals().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.EqualTo(-Errno.ENoSpc));
            Assert.That(events, Has.Count.EqualTo(1));
            Assert.That(LogCapture.Scalar(events[0], "Api"), Is.EqualTo("k_mem_domain_add_thread('worker')"));
            Assert.That(LogCapture.Scalar(events[0], "Domain"), Is.EqualTo("busy"));
            Assert.That(LogCapture.Scalar(events[0], "Thread"), Is.EqualTo("worker"));
            Assert.That(LogCapture.Scalar(events[0], "Result"), Is.EqualTo(-Errno.ENoSpc));
        });
    }
}
