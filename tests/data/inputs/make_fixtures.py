#!/usr/bin/env python3
"""Generates the input fixtures of tests/inputs.rs from the seed report
(corpora/xigong-2023.txt). Run once from the project root; the outputs are
committed, so tests and CI need neither Python nor fonts.

Needs: Debian package fonts-wqy-microhei (a CJK font that is embedded as a
subset) and `pip install fpdf2` (which brings Pillow).

Outputs, in tests/data/inputs/:
  xigong-2023.pdf    the seed's text as a PDF with an embedded CJK font
                     (Type0/Identity-H with ToUnicode, like Word/WPS/LibreOffice)
  xigong-2023.html   the seed's text as a saved government web page: GBK
                     bytes, <meta charset=gb2312>, navigation, breadcrumb,
                     metadata rows, a share bar and a footer
  scanned.pdf        a page of the seed rendered to an image: no text layer
  xigong-gbk.pdf     a page of the seed's title and debt section, written by hand
                     with a non-embedded SimSun font in the GBK-EUC-H CMap and no
                     ToUnicode map (as Chinese official-document typesetting does)
  xigong-ucs2.pdf    the same with the UniGB-UCS2-H CMap (as iText/reportlab do)
  xigong-lo.pdf      the seed as a LibreOffice Writer export (justified text, the
                     font embedded as subsets); needs `soffice` (Debian package
                     libreoffice-writer-nogui), skipped without it
"""

import datetime
import html
import os
import shutil
import subprocess
import sys
import tempfile

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

# A fixed creation date keeps the generated files byte-identical between runs.
CREATED = datetime.datetime(2024, 1, 23, tzinfo=datetime.timezone.utc)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "tests", "data", "inputs")
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def seed_lines():
    with open(os.path.join(ROOT, "corpora", "xigong-2023.txt"), encoding="utf-8") as f:
        text = f.read()
    body = text.split("\n---\n", 1)[1]
    return [line.strip() for line in body.splitlines() if line.strip()]


def paragraphs(lines):
    """Joins the seed's wrapped lines into paragraphs (a line ending a sentence closes one).
    The seed's spaces (`西工区 2023年`) are extraction artefacts: they are dropped, so that
    lines wrap anywhere as in Word/WPS output, not at those spaces."""
    paras, cur = [], ""
    for line in lines:
        cur += "".join(line.split())
        if cur.endswith(("。", "：", "）", ")")) or len(line) < 20:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return paras


def make_pdf(lines):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.add_font("wqy", "", FONT)
    pdf.set_font("wqy", size=11)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for para in paragraphs(lines):
        pdf.multi_cell(0, 6, para, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.output(os.path.join(OUT, "xigong-2023.pdf"))


def make_html(lines):
    body = "\n".join(f"<p>&nbsp;&nbsp;{html.escape(p)}</p>" for p in paragraphs(lines))
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于西工区2023年预算执行情况和2024年预算(草案)的报告_西工区人民政府</title>
<script type="text/javascript">var site = "首页"; function share() {{ return "分享到微信"; }}</script>
<style>.nav {{ color: red; }}</style>
</head>
<body>
<div class="header"><a href="/">西工区人民政府</a> <a href="/zwgk">政务公开</a> <a href="/bsfw">办事服务</a> <a href="/hdjl">互动交流</a></div>
<form class="search"><input type="text" name="q" value="请输入关键词" /><button>搜索</button></form>
<div class="breadcrumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 财政预决算</div>
<table class="meta">
<tr><td>索引号：</td><td>11410303MB1234567X/2024-00012</td><td>发布机构：</td><td>西工区财政局</td></tr>
<tr><td>发布时间：</td><td>2024-01-25</td><td>浏览次数：</td><td>1024</td></tr>
</table>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> 【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
<div class="footer">主办单位：西工区人民政府办公室 联系电话：0379-00000000 网站标识码：0000000000</div>
</body>
</html>
"""
    with open(os.path.join(OUT, "xigong-2023.html"), "wb") as f:
        f.write(page.encode("gbk"))


def make_scanned(lines):
    font = ImageFont.truetype(FONT, 22)
    img = Image.new("L", (900, 600), 255)
    draw = ImageDraw.Draw(img)
    y = 20
    for line in lines[:18]:
        draw.text((30, y), line, font=font, fill=0)
        y += 30
    path = os.path.join(OUT, "scanned.png")
    img.save(path, optimize=True)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.image(path, x=10, y=10, w=190)
    pdf.output(os.path.join(OUT, "scanned.pdf"))
    os.remove(path)


def excerpt(lines):
    """The title and the debt-interest part of the seed, as paragraphs."""
    paras = paragraphs(lines)
    start = next(i for i, p in enumerate(paras) if p.startswith("3.2023年政府债务付息"))
    return paras[:6] + paras[start:start + 4]


def hand_written_pdf(name, cmap, encode):
    """A one-page PDF whose only font is SimSun, not embedded, in a predefined CMap."""
    lines = excerpt(seed_lines())
    ops = ["BT", "/F1 10 Tf", "14 TL", "40 800 Td"]
    for i, line in enumerate(lines):
        ops.append(("" if i == 0 else "T* ") + "<" + encode(line).hex().upper() + "> Tj")
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /" + cmap.encode() + b" /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(out)


def make_libreoffice(lines):
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: xigong-lo.pdf left as it is")
        return
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(lines))
    page = ("<html><head><meta charset=\"utf-8\"><style>p { text-align: justify; "
            "font-family: 'WenQuanYi Micro Hei'; font-size: 11pt; }</style></head>"
            f"<body>{body}</body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "xigong-lo.html")
        with open(source, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, source],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "xigong-lo.pdf"), os.path.join(OUT, "xigong-lo.pdf"))


def main():
    os.makedirs(OUT, exist_ok=True)
    lines = seed_lines()
    make_pdf(lines)
    make_html(lines)
    make_scanned(lines)
    hand_written_pdf("xigong-gbk.pdf", "GBK-EUC-H", lambda t: t.encode("gbk"))
    hand_written_pdf("xigong-ucs2.pdf", "UniGB-UCS2-H", lambda t: t.encode("utf-16-be"))
    make_libreoffice(lines)
    for name in ("xigong-2023.pdf", "xigong-2023.html", "scanned.pdf", "xigong-gbk.pdf", "xigong-ucs2.pdf",
                 "xigong-lo.pdf"):
        print(name, os.path.getsize(os.path.join(OUT, name)), "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
