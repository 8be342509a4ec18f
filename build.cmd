@echo off
rem  แผนการดำเนินงาน on Windows: the same as "make", no make needed.
rem    build.cmd              set up .venv once, check inputs\ and build into outputs\
rem                           (while inputs\ holds no drafts of yours: the examples in samples\)
rem    build.cmd check        report only           build.cmd draft   build anyway, marked ฉบับร่าง
rem    build.cmd pdf          build, then PDF       build.cmd forms   blank division drafts in outputs\forms
rem    build.cmd annotate     drafts with comments in outputs\annotated
rem    build.cmd publish      build, then the one PDF/A to publish in outputs\publish
rem    build.cmd test         the test suite
rem  Needs Python 3.11+ (python.org installer, with the "py" launcher); PDF needs LibreOffice.
setlocal
chcp 65001 >nul
set PYTHONUTF8=1
cd /d "%~dp0"
set PY=.venv\Scripts\python.exe

if not exist "%PY%" (
  py -3 -m venv .venv 2>nul || python -m venv .venv || goto :nopython
)
rem  Install again only when requirements.txt changed since the last install.
fc /b requirements.txt .venv\installed-requirements.txt >nul 2>&1 || (
  "%PY%" -m pip install --quiet --disable-pip-version-check -r requirements.txt || goto :failed
  "%PY%" -m pip install --quiet --disable-pip-version-check --no-deps -e . || goto :failed
  copy /y requirements.txt .venv\installed-requirements.txt >nul
)

set TASK=%~1
if "%TASK%"=="" set TASK=build
if /i "%TASK%"=="test" goto :dispatch
rem  The drafts: inputs\ when it holds a file of the user's (its README and settings do not count), else samples\.
set INPUTS=inputs
set HAS=
for /r inputs %%f in (*) do call :mine "%%~nxf"
if defined HAS goto :dispatch
set INPUTS=samples
echo ยังไม่มีไฟล์ร่างใน inputs\ — ใช้ไฟล์ตัวอย่างใน samples\ · inputs\ is empty: using the sample drafts in samples\

:dispatch
if /i "%TASK%"=="build" goto :build
if /i "%TASK%"=="check" goto :check
if /i "%TASK%"=="draft" goto :draft
if /i "%TASK%"=="pdf" goto :pdf
if /i "%TASK%"=="forms" goto :forms
if /i "%TASK%"=="annotate" goto :annotate
if /i "%TASK%"=="publish" goto :publish
if /i "%TASK%"=="test" goto :test
echo ไม่รู้จักคำสั่ง "%TASK%" — ใช้ build, check, draft, pdf, forms, annotate, publish หรือ test
exit /b 2

:annotate
"%PY%" -m pipeline check %INPUTS% --json outputs\report.json --annotate outputs\annotated
exit /b %errorlevel%

:publish
"%PY%" -m pipeline build %INPUTS% outputs --publish
exit /b %errorlevel%

:build
"%PY%" -m pipeline build %INPUTS% outputs
exit /b %errorlevel%

:check
"%PY%" -m pipeline check %INPUTS% --json outputs\report.json
exit /b %errorlevel%

:draft
"%PY%" -m pipeline build %INPUTS% outputs --draft
exit /b %errorlevel%

:pdf
"%PY%" -m pipeline build %INPUTS% outputs --pdf
exit /b %errorlevel%

:forms
"%PY%" -m pipeline forms %INPUTS% outputs
exit /b %errorlevel%

:test
"%PY%" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt || goto :failed
"%PY%" -m pytest
exit /b %errorlevel%

rem  Called for each file under inputs\: does it count as a draft of the user's?
:mine
if /i "%~1"=="README.md" exit /b 0
if /i "%~1"=="pipeline.toml" exit /b 0
if /i "%~1"=="glossary.txt" exit /b 0
if /i "%~1"=="corrections.txt" exit /b 0
set HAS=1
exit /b 0

:nopython
echo ไม่พบ Python 3.11 ขึ้นไป — ติดตั้งจาก https://www.python.org/downloads/ (เลือก "Add python.exe to PATH") แล้วรันใหม่
exit /b 2

:failed
echo ติดตั้งแพ็กเกจไม่สำเร็จ — ตรวจการเชื่อมต่ออินเทอร์เน็ต แล้วรันใหม่
exit /b 2
