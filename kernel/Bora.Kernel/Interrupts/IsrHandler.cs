namespace Bora.Kernel.Interrupts;

/// <summary>An interrupt service routine: Zephyr's <c>void (*isr)(const void *arg)</c> with a word argument.</summary>
public delegate void IsrHandler(uint arg);
