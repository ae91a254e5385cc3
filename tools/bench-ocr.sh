#!/usr/bin/env bash
# OCR accuracy and speed, measured, not assumed.
# 1. Born-digital pages of ../shared/corpus and corpus/ rendered to images exactly as the service does (pdftoppm
#    -gray -scale-to 3300, tesseract --psm 3 --dpi 300 with the models the service would pick), against the page's
#    own text layer (pdftotext). CER is sensitive to reading order (tables, running headers, two columns); the
#    order-free word error rate beside it is not, so together they tell misread letters from reordered text.
# 2. Prose passages in six languages whose true text is known: paragraphs of the strategy texts in ../shared/corpus/text
#    (French, Spanish, Russian, English, the Arabic half of the NCA control list) and of GB/T 22240-2008's text layer
#    (Chinese), rendered at 300 dpi by pango-view (HarfBuzz shaping, so Arabic is joined and right-to-left as printed)
#    in Noto Serif, Noto Naskh Arabic and AR PL UMing (a Song/Ming face, as GB standards are set).
# 3. Speed: the first PAGES scanned pages of GB/T 22239-2008 (image only), in the same run: `kb ingest` with
#    KB__Ocr__Workers=1 and 2, plain pdftoppm | tesseract one page at a time, and ocrmypdf --jobs 2.
# Usage: tools/bench-ocr.sh [cer|speed|all] [PAGES]   (default all, 6 pages). Prints Markdown; states the load.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
pages=${2:-6}
shared=../shared/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tools/install-ocr.sh
need=()
command -v ocrmypdf >/dev/null || need+=(ocrmypdf)
command -v pango-view >/dev/null || need+=(pango1.0-tools)
fc-list | grep -q NotoNaskhArabic || need+=(fonts-noto-core)
fc-list | grep -q uming || need+=(fonts-arphic-uming)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
load() { uptime | sed 's/.*load/load/'; }
percent() { python3 -c "print(f'{$1*100:.1f}%')"; }

ocr_page() { # pdf page models -> text on stdout, as OcrEngine reads a page
  pdftoppm -f "$2" -l "$2" -singlefile -png -gray -scale-to 3300 "$1" | OMP_THREAD_LIMIT=1 tesseract stdin stdout -l "$3" --psm 3 --dpi 300 2>/dev/null
}

if [ "$what" != speed ]; then
  echo "## Born-digital pages against their own text layer ($(nproc) cores, $(load))"
  echo
  echo "| Language | Document | Page | Models | Reference chars | CER | Order-free WER |"
  echo "|---|---|---|---|---|---|---|"
  while read -r lang file page models; do
    [ -f "$file" ] || { echo "| $lang | $(basename "$file") | $page | $models | – | not found | |"; continue; }
    pdftotext -f "$page" -l "$page" "$file" "$work/ref.txt"
    ocr_page "$file" "$page" "$models" > "$work/ocr.txt"
    read -r cer chars wer _ < <(python3 tools/ocr-cer.py "$work/ref.txt" "$work/ocr.txt")
    echo "| $lang | $(basename "$file") | $page | $models | $chars | $(percent "$cer") | $(percent "$wer") |"
  done <<LIST
en corpus/nist_sp800-61r2_2012.pdf 41 eng
en corpus/nist_sp800-150_2016.pdf 12 eng
en $shared/pdf/itu-t_X.1056-200901-I.pdf 9 eng
en $shared/pdf/itu-t_X.1056-200901-I.pdf 13 eng
en $shared/pdf/sa_nca_ecc-2-2024_en.pdf 14 eng
en $shared/pdf/sa_nca_ecc-2-2024_en.pdf 9 eng
zh $shared/pdf/cn_gb-t_22240-2008.pdf 5 chi_sim+eng
zh $shared/pdf/cn_gb-t_22240-2008.pdf 8 chi_sim+eng
LIST

  echo
  echo "## Rendered prose passages, true text known ($(load))"
  echo
  echo "| Language | Source | Font | Models | Reference chars | CER | Order-free WER |"
  echo "|---|---|---|---|---|---|---|"
  pdftotext -f 6 -l 12 "$shared/pdf/cn_gb-t_22240-2008.pdf" "$work/gb22240.txt"
  while IFS='|' read -r lang source start prefix font models; do
    [ -f "$source" ] || { echo "| $lang | $(basename "$source") | | | | not found | |"; continue; }
    python3 tools/ocr-passage.py "$source" "$start" 1200 ${prefix:+"$prefix"} > "$work/passage.txt"
    pango-view -q --dpi=300 --width=468 --margin=72 --wrap=word --font="$font" -o "$work/passage.png" "$work/passage.txt"
    OMP_THREAD_LIMIT=1 tesseract "$work/passage.png" stdout -l "$models" --psm 3 --dpi 300 2>/dev/null > "$work/ocr.txt"
    read -r cer chars wer _ < <(python3 tools/ocr-cer.py "$work/passage.txt" "$work/ocr.txt")
    name=$(basename "$source"); [ "$name" = gb22240.txt ] && name="GB/T 22240-2008 text layer, pp. 6–12"
    echo "| $lang | $name | $font | $models | $chars | $(percent "$cer") | $(percent "$wer") |"
  done <<LIST
en|$shared/text/ncss_usa_2015_en.txt|0.3||Noto Serif 11|eng
fr|$shared/text/ncss_belgium_2012_fr.txt|0.3||Noto Serif 11|fra+eng
es|$shared/text/ncss_spain_2013_es.txt|0.3||Noto Serif 11|spa+eng
ru|$shared/text/ncss_kazakhstan_2017_ru.txt|0.3||Noto Serif 11|rus+eng
ar|$shared/text/sa_nca_ecc-controls_ar-en.txt|0.3|AR: |Noto Naskh Arabic 12|ara+eng
zh|$work/gb22240.txt|0||AR PL UMing CN 11|chi_sim+eng
LIST
fi

if [ "$what" != cer ]; then
  echo
  echo "## Speed on the first $pages scanned pages of GB/T 22239-2008 ($(nproc) cores)"
  echo
  scan="$work/gb22239-first-$pages.pdf"
  pdfseparate -f 1 -l "$pages" "$shared/pdf/cn_gb-t_22239-2008.pdf" "$work/p-%03d.pdf"
  pdfunite "$work"/p-*.pdf "$scan"
  dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo >/dev/null
  echo "| Engine | Seconds | Pages/s | Load before |"
  echo "|---|---|---|---|"
  timed() { # label command... : one row
    local label=$1 before start seconds; shift
    before=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    echo "| $label | $(printf %.1f "$seconds") | $(echo "scale=3; $pages / $seconds" | bc) | $before |"
  }
  for workers in 1 2; do
    timed "kb ingest, KB__Ocr__Workers=$workers (script detection, then OCR)" \
      env KB__Embeddings__Provider=none KB__Ocr__Workers=$workers dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll ingest "$scan" --index "$work/index-$workers" --json
  done
  plain() { for p in $(seq 1 "$pages"); do ocr_page "$scan" "$p" chi_sim+eng > /dev/null; done; }
  timed "pdftoppm + tesseract, one page at a time" plain
  timed "ocrmypdf --jobs 2" ocrmypdf -q --force-ocr --jobs 2 -l chi_sim+eng --output-type pdf "$scan" "$work/ocrmypdf.pdf"
fi
