namespace Bora.Arch.Arm.Tests;

/// <summary>
/// A context switch reprograms the MPU back and forth between a few configurations; the model keeps
/// their decision tables, keyed by every register the algorithm reads. Returning to a configuration must
/// give its own answers, never those of the configuration it was confused with.
/// </summary>
public sealed class ConfigurationCacheTests
{
    private const uint Buffer = 0x2010_0000;

    [Test]
    public void AlternatingConfigurations_EachGiveTheirOwnDecisions([Values(false, true)] bool v8)
    {
        ArmMachine m = ArmMachine.Create(v8 ? ArmBoards.Mps2An505 : ArmBoards.Mps2An385);
        uint buffer = v8 ? 0x2810_0000u : Buffer;
        m.EnableFaults();
        if (v8)
        {
            m.Write(ScsRegisters.MPU_MAIR0, 0x0044_FFAA);
        }

        m.Write(ScsRegisters.MPU_CTRL, 0x5);
        for (int round = 0; round < 20; round++)
        {
            // Odd rounds: user read-write at the buffer; even rounds: the same region read-only to user,
            // differing from the other configuration only in the access-permission bits.
            bool writable = round % 2 == 1;
            if (v8)
            {
                m.V8Region(2, buffer | (writable ? 0x2u : 0x6u) | 1, (buffer + 0x1000 - 32) | 1);
            }
            else
            {
                m.V7Region(2, buffer, (writable ? 0x1300_0000u : 0x1200_0000u) | (11 << 1) | 1);
            }

            ArmFaultRecord? fault = m.Probe(buffer + 0x10, AccessKind.Write, Privilege.User);
            Assert.Multiple(() =>
            {
                Assert.That(fault is null, Is.EqualTo(writable), $"round {round}: user write");
                Assert.That(m.Probe(buffer + 0x10, AccessKind.Read, Privilege.User), Is.Null, $"round {round}: user read");
            });
        }
    }

    [Test]
    public void ReturningToAnUnpredictableConfiguration_ReportsItAgain()
    {
        ArmMachine m = ArmMachine.Create(ArmBoards.Mps2An385);
        m.Write(ScsRegisters.MPU_CTRL, 0x5);
        m.V7Region(2, Buffer + 0x100, 0x1300_0000 | (11 << 1) | 1); // 4 KiB region on a base not aligned to it
        m.Probe(Buffer, AccessKind.Read, Privilege.Supervisor);
        m.V7Region(2, Buffer, 0x1300_0000 | (11 << 1) | 1);
        m.Probe(Buffer, AccessKind.Read, Privilege.Supervisor);
        m.V7Region(2, Buffer + 0x100, 0x1300_0000 | (11 << 1) | 1);
        m.Probe(Buffer, AccessKind.Read, Privilege.Supervisor);
        Assert.That(m.Mpu.InvalidProgramming.Count(p => p.Register == "MPU_RBAR[2]"), Is.EqualTo(2), "reported when it appears, again when it reappears");
    }
}
