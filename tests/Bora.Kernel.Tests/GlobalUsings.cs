global using Bora.Abi;
global using Bora.Hal;
global using Bora.Kernel.Fatal;
global using Bora.Kernel.Hosting;
global using Bora.Kernel.Objects;
global using Bora.Kernel.Threading;
global using Bora.Kernel.Trace;
global using NUnit.Framework;
global using static Bora.Kernel.Zephyr.K;
