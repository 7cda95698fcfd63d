#!/usr/bin/env python3
"""A call-centre style complaint export for the intake benchmark (issue #4).

Writes N rows with the Chinese headers a call-centre system exports
(客户名称, 机型, 批次, 订单号, 数量, 问题描述, 受理时间, 渠道, 工单号), texts
in Chinese and English close to the demo generator's with numbers varied,
spread over one year. Seeded and deterministic: the same N and seed give the
same bytes. Usage: make_intake_csv.py --rows N --seed S --out FILE
"""
import argparse
import csv
import datetime
import random

TEXTS = [
    "焊点虚焊,上电后间歇性失效,抽检 {n} pcs 发现 {k} pcs 焊点开裂",
    "Cold solder joints on the connector; intermittent failure after power-on, {k} of {n} units",
    "外壳尺寸超差 {d} mm,装配时卡扣无法扣合",
    "Housing out of tolerance by {d} mm: snap fit does not engage at assembly",
    "电源模块输出电压偏低,负载 80% 时跌落至 {v} V",
    "Scratches and dents on the front panel, {k} of {n} units",
    "客服响应慢,投诉 {k} 天无人回复",
    "Customer service agent was dismissive on the phone",
    "交货延迟 {k} 天,客户产线待料",
    "Cartons crushed in transit; {k} units with broken housings",
    "发错型号,收到 X200 而非 X100,共 {n} 台",
    "Labels show the wrong lot number on {k} cartons",
    "发票金额与订单不符,差额 {n} 元",
    "电源冒烟,客户现场停线",
]
CUSTOMERS = ["华东汽车电子有限公司", "Nordic Appliances AB", "深圳新能源科技", "Midwest Tractor Inc.",
             "苏州精密仪器", "Rhein Automotive GmbH", "成都智能家居", "Pacific Medical Devices",
             "北方重工机械", "Kansai Robotics K.K.", "杭州光电有限公司", "Iberia Solar S.L."]
PRODUCTS = ["PCBA-X100", "PSU-450W", "MOTOR-M3", "SENSOR-T7", "CABLE-HC2", "HOUSING-H5", "LED-D9"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    start = datetime.datetime(2026, 1, 1, 8, 0, 0)
    span = 365 * 86400
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "受理时间", "渠道", "客户名称", "机型", "批次", "订单号", "数量", "问题描述"])
        for i in range(args.rows):
            at = start + datetime.timedelta(seconds=int(span * (i + rng.random()) / args.rows))
            n = rng.randint(50, 5000)
            text = rng.choice(TEXTS).format(n=n, k=rng.randint(1, 60), d=round(rng.uniform(0.1, 2.0), 1),
                                            v=round(rng.uniform(10.5, 11.8), 1))
            w.writerow([f"CC-{args.seed}-{i:08d}", at.strftime("%Y-%m-%d %H:%M:%S"), "phone",
                        rng.choice(CUSTOMERS), rng.choice(PRODUCTS), f"L{rng.randint(2026000, 2026999)}",
                        f"SO-{rng.randint(100000, 999999)}", rng.randint(1, 200), text])


if __name__ == "__main__":
    main()
