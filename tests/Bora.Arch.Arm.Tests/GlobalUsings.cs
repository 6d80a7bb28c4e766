global using Bora.Hal;
global using Bora.Machine;
global using NUnit.Framework;
