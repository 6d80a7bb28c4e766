global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
global using NUnit.Framework;
