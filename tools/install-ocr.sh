#!/usr/bin/env bash
# Installs the OCR engines the service uses for scanned pages, from Debian, where missing: Tesseract 5 with the
# eng fra spa ara chi-sim rus models, and poppler's pdftoppm. Without them the service still runs (degraded):
# scanned pages are recorded as image-only.
set -euo pipefail
packages=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-ara tesseract-ocr-chi-sim
  tesseract-ocr-rus poppler-utils)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
