@echo off
rem Runs the Hashiye command line shipped beside the installed app (resources\cli) with
rem Node.js 20 or newer: the app's own executable cannot (its run-as-node fuse is off).
rem Put this folder on the PATH to type "hashiye" anywhere.
setlocal
if "%HASHIYE_NODE%"=="" (set "HASHIYE_NODE=node")
where "%HASHIYE_NODE%" >nul 2>nul || if not exist "%HASHIYE_NODE%" (
  echo hashiye: the command line needs Node.js 20 or newer; install it from https://nodejs.org or set HASHIYE_NODE to node.exe. 1>&2
  exit /b 9009
)
"%HASHIYE_NODE%" "%~dp0bin\hashiye.js" %*
