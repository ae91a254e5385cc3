#!/usr/bin/env bash
# OCR accuracy and speed, measured, not assumed.
# 1. CER: born-digital pages of ../shared/corpus and corpus/ are rendered to images exactly as the service does
#    (pdftoppm -gray -scale-to 3300, tesseract --dpi 300 with the language the service would pick) and compared with
#    the page's own text layer (pdftotext), whitespace ignored.
# 2. Speed: the first N scanned pages of GB/T 22239-2008 (image only), in the same run: `kb ingest` (OCR step with its
#    default workers), plain pdftoppm | tesseract page by page, and ocrmypdf (--jobs 2) on the same pages.
# Usage: tools/bench-ocr.sh [PAGES]   (default 10). Prints Markdown tables; states the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10}
shared=../shared/corpus/pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tools/install-ocr.sh
command -v ocrmypdf >/dev/null || apt-get install -y -q ocrmypdf >/dev/null

ocr_page() { # pdf page languages -> text on stdout, as OcrEngine reads a page
  pdftoppm -f "$2" -l "$2" -singlefile -png -gray -scale-to 3300 "$1" | OMP_THREAD_LIMIT=1 tesseract stdin stdout -l "$3" --psm 3 --dpi 300 2>/dev/null
}

echo "## Character error rate against the text layer ($(uptime | sed 's/.*load/load/'))"
echo
echo "| Language | Document | Page | Models | Reference chars | CER |"
echo "|---|---|---|---|---|---|"
while read -r lang file page models; do
  [ -f "$file" ] || { echo "| $lang | $(basename "$file") | $page | $models | – | not found |"; continue; }
  pdftotext -f "$page" -l "$page" "$file" "$work/ref.txt"
  ocr_page "$file" "$page" "$models" > "$work/ocr.txt"
  read -r cer chars < <(python3 tools/ocr-cer.py "$work/ref.txt" "$work/ocr.txt")
  echo "| $lang | $(basename "$file") | $page | $models | $chars | $(python3 -c "print(f'{$cer*100:.1f}%')") |"
done <<LIST
en corpus/nist_sp800-61r2_2012.pdf 41 eng
en corpus/nist_sp800-150_2016.pdf 12 eng
en $shared/itu-t_X.1056-200901-I.pdf 9 eng
en $shared/sa_nca_ecc-2-2024_en.pdf 14 eng
zh $shared/cn_gb-t_22240-2008.pdf 5 chi_sim+eng
zh $shared/cn_gb-t_22240-2008.pdf 8 chi_sim+eng
LIST

echo
echo "## Speed on $pages scanned pages of GB/T 22239-2008 ($(nproc) cores, $(uptime | sed 's/.*load/load/'))"
echo
scan="$work/gb22239-first-$pages.pdf"
pdfseparate -f 1 -l "$pages" "$shared/cn_gb-t_22239-2008.pdf" "$work/p-%03d.pdf"
pdfunite "$work"/p-*.pdf "$scan"
dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo >/dev/null
echo "| Engine | Seconds | Pages/s |"
echo "|---|---|---|"
start=$(date +%s.%N)
KB__Embeddings__Provider=none dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll ingest "$scan" --index "$work/index" --json > "$work/kb.json"
kb=$(echo "$(date +%s.%N) - $start" | bc)
echo "| kb ingest (OCR step, default workers) | $(printf %.1f "$kb") | $(echo "scale=3; $pages / $kb" | bc) |"
start=$(date +%s.%N)
for p in $(seq 1 "$pages"); do ocr_page "$scan" "$p" chi_sim+eng > /dev/null; done
plain=$(echo "$(date +%s.%N) - $start" | bc)
echo "| pdftoppm + tesseract, one page at a time | $(printf %.1f "$plain") | $(echo "scale=3; $pages / $plain" | bc) |"
start=$(date +%s.%N)
ocrmypdf -q --force-ocr --jobs 2 -l chi_sim+eng --output-type pdf "$scan" "$work/ocrmypdf.pdf" 2>/dev/null || true
omp=$(echo "$(date +%s.%N) - $start" | bc)
echo "| ocrmypdf --jobs 2 | $(printf %.1f "$omp") | $(echo "scale=3; $pages / $omp" | bc) |"
