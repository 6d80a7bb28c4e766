namespace Bora.Kernel;

/// <summary>Message queues: definition (host API) and kernel calls.</summary>
public sealed partial class BoraKernel
{
    /// <summary>
    /// Defines an initialised message queue (<c>K_MSGQ_DEFINE</c>) whose ring buffer of
    /// <paramref name="msgSize"/> × <paramref name="maxMsgs"/> bytes the image reserves in kernel data.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer size overflows 32 bits.</exception>
    public MsgqHandle DefineMsgq(string name, uint msgSize, uint maxMsgs, uint alignment = 4)
    {
        EnsureHostAccess(nameof(DefineMsgq));
        ulong total = (ulong)msgSize * maxMsgs;
        if (total > uint.MaxValue)
        {
            throw new ArgumentException($"K_MSGQ_DEFINE({name}, {msgSize}, {maxMsgs}): the buffer size overflows 32 bits");
        }

        KMsgq msgq = DeclareMsgqCore(name);
        uint buffer = total == 0 ? 0 : Layout.KernelData.Allocate((uint)total, alignment, $"k_msgq '{name}' buffer");
        msgq.InitStatic(buffer, msgSize, maxMsgs);
        return msgq.Handle;
    }

    /// <summary>Declares an uninitialised message queue (a global <c>struct k_msgq name;</c>; call <c>k_msgq_init</c> before use).</summary>
    public MsgqHandle DeclareMsgq(string name)
    {
        EnsureHostAccess(nameof(DeclareMsgq));
        return DeclareMsgqCore(name).Handle;
    }

    /// <summary>The message queue at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a message queue.</exception>
    public KMsgq GetMsgq(MsgqHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KMsgq ?? throw new ArgumentException($"{handle} is not a message queue", nameof(handle));

    internal int CallMsgqInit(KThread caller, MsgqHandle msgq, uint buffer, uint msgSize, uint maxMsgs)
    {
        Enter(caller, KernelCall.MsgqInit);
        return Exit(caller, KernelCall.MsgqInit, LookupMsgq(caller, msgq).Init(buffer, msgSize, maxMsgs));
    }

    internal int CallMsgqPut(KThread caller, MsgqHandle msgq, uint data, KTimeout timeout, bool atBack)
    {
        Enter(caller, KernelCall.MsgqPut);
        return Exit(caller, KernelCall.MsgqPut, LookupMsgq(caller, msgq).Put(caller, data, timeout, atBack));
    }

    internal int CallMsgqGet(KThread caller, MsgqHandle msgq, uint data, KTimeout timeout)
    {
        Enter(caller, KernelCall.MsgqGet);
        return Exit(caller, KernelCall.MsgqGet, LookupMsgq(caller, msgq).Get(caller, data, timeout));
    }

    internal int CallMsgqPeekAt(KThread caller, MsgqHandle msgq, uint data, uint index)
    {
        Enter(caller, KernelCall.MsgqPeek);
        return Exit(caller, KernelCall.MsgqPeek, LookupMsgq(caller, msgq).PeekAt(data, index));
    }

    internal void CallMsgqPurge(KThread caller, MsgqHandle msgq)
    {
        Enter(caller, KernelCall.MsgqPurge);
        LookupMsgq(caller, msgq).Purge();
        Exit(caller, KernelCall.MsgqPurge, 0);
    }

    /// <summary><c>k_msgq_get_attrs</c>: the attributes, also stored at <paramref name="attrs"/> (three words) unless it is 0.</summary>
    internal MsgqAttrs CallMsgqGetAttrs(KThread caller, MsgqHandle msgq, uint attrs)
    {
        Enter(caller, KernelCall.MsgqQuery);
        KMsgq q = LookupMsgq(caller, msgq);
        var result = new MsgqAttrs(q.MsgSize, q.MaxMsgs, q.UsedMsgs);
        if (attrs != 0)
        {
            Span<byte> words = stackalloc byte[(int)MsgqAttrs.Size];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(words, result.MsgSize);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(words[4..], result.MaxMsgs);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(words[8..], result.UsedMsgs);
            _cpu.WriteBlock(attrs, words);
        }

        Exit(caller, KernelCall.MsgqQuery, 0);
        return result;
    }

    internal uint CallMsgqNumUsed(KThread caller, MsgqHandle msgq, bool free)
    {
        Enter(caller, KernelCall.MsgqQuery);
        KMsgq q = LookupMsgq(caller, msgq);
        uint value = free ? q.MaxMsgs - q.UsedMsgs : q.UsedMsgs;
        Exit(caller, KernelCall.MsgqQuery, (int)value);
        return value;
    }

    internal int CallMsgqCleanup(KThread caller, MsgqHandle msgq)
    {
        Enter(caller, KernelCall.MsgqCleanup);
        int result = CleanupPoolObject(LookupMsgq(caller, msgq), out uint poolBuffer);
        HeapFree(caller, poolBuffer);

        return Exit(caller, KernelCall.MsgqCleanup, result);
    }

    private KMsgq LookupMsgq(KThread caller, MsgqHandle msgq) => Lookup<KMsgq>(caller, msgq.Address, "k_msgq");

    private KMsgq DeclareMsgqCore(string name)
    {
        return DefineObject(name, KObjectSizes.MessageQueue, "k_msgq", address => new KMsgq(this, address, name));
    }
}
