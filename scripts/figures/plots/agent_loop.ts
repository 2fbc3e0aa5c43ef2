// The agent loop: the model thinks and emits a tool call, the runtime checks and runs it,
// the result comes back as an observation; memory and guardrails around the loop.
import { arrow, box, C, svgOpen } from './common.js';

export function agentLoopSvg(): string {
  const W = 800;
  const H = 640;
  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">智能体的循环：思考 → 行动 → 观察，直到给出回答</text>`);

  // Guardrails around the loop.
  o.push(`<rect x="230" y="70" width="550" height="400" rx="14" fill="none" stroke="${C.red}" stroke-width="2" stroke-dasharray="8 6"/>`);
  o.push(`<text class="s b" x="250" y="98" style="fill:${C.red}">护栏：步数与费用上限、工具白名单、</text>`);
  o.push(`<text class="s b" x="250" y="124" style="fill:${C.red}">有副作用的操作要人工确认、工具在沙箱中执行</text>`);

  box(o, 30, 200, 160, 72, '用户任务', C.grayFill, C.gray);
  box(o, 260, 190, 200, 92, '大语言模型', C.blueFill, C.blue, '思考，决定下一步');
  box(o, 560, 190, 200, 92, '运行时', C.purpleFill, C.purple, '解析、校验、执行');
  arrow(o, 190, 236, 258, 236);
  // Action.
  o.push(`<path d="M460,214 L558,214" fill="none" stroke="${C.axis}" stroke-width="2.5" marker-end="url(#arrow)"/>`);
  o.push(`<text class="s" x="510" y="160" text-anchor="middle">行动</text>`);
  o.push(`<text class="note" x="510" y="184" text-anchor="middle">工具名 + 参数</text>`);

  // Tools.
  const tools = ['检索 / 搜索', '代码执行', '数据库与外部 API'];
  tools.forEach((t, i) => box(o, 580, 320 + i * 46, 180, 38, t, C.orangeFill, C.orange));
  arrow(o, 660, 282, 660, 318);

  // Observation back to the model.
  o.push(`<path d="M580,378 L360,378 L360,284" fill="none" stroke="${C.axis}" stroke-width="2.5" marker-end="url(#arrow)"/>`);
  o.push(`<text class="s" x="470" y="404" text-anchor="middle">观察：工具结果或错误信息</text>`);
  o.push(`<text class="note" x="470" y="430" text-anchor="middle">当作数据，不当作指令</text>`);

  // Final answer.
  box(o, 30, 330, 160, 72, '最终回答', C.greenFill, C.green);
  o.push(`<path d="M300,282 L300,366 L192,366" fill="none" stroke="${C.green}" stroke-width="2.5" marker-end="url(#arrow)"/>`);
  o.push(`<text class="note" x="110" y="428" text-anchor="middle" style="fill:${C.green}">不再调用工具时结束</text>`);

  // Memory.
  o.push(`<rect x="210" y="500" width="370" height="112" rx="8" fill="${C.grayFill}" stroke="${C.gray}" stroke-width="2"/>`);
  o.push(`<text class="b" x="395" y="530" text-anchor="middle">记忆</text>`);
  o.push(`<text class="note" x="395" y="562" text-anchor="middle">短期：当前上下文、旧步骤的摘要</text>`);
  o.push(`<text class="note" x="395" y="592" text-anchor="middle">长期：向量库里的经验与用户偏好，按需检索</text>`);
  o.push(`<path d="M330,470 L330,498" fill="none" stroke="${C.axis}" stroke-width="2" marker-end="url(#arrow)"/>`);
  o.push(`<path d="M400,498 L400,472" fill="none" stroke="${C.axis}" stroke-width="2" marker-end="url(#arrow)"/>`);
  o.push(`<text class="note" x="590" y="530">写入：总结、经验</text>`);
  o.push(`<text class="note" x="590" y="558">读取：相关记忆进上下文</text>`);

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
