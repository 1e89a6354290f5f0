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
"""

import html
import os
import sys

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

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
    pdf.add_page()
    pdf.image(path, x=10, y=10, w=190)
    pdf.output(os.path.join(OUT, "scanned.pdf"))
    os.remove(path)


def main():
    os.makedirs(OUT, exist_ok=True)
    lines = seed_lines()
    make_pdf(lines)
    make_html(lines)
    make_scanned(lines)
    for name in ("xigong-2023.pdf", "xigong-2023.html", "scanned.pdf"):
        print(name, os.path.getsize(os.path.join(OUT, name)), "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
