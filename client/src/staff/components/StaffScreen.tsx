import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { IdentitySwitcher } from '../../components/IdentitySwitcher';
import { Screen } from '../../components/Screen';
import type { TabKey } from '../../components/TabBar';
import { useMe } from '../../hooks/useMe';
import { useSignInGate } from '../../services/useSignInGate';
import { HeaderAccount } from './HeaderAccount';
import { crumbsOf, menuFor, STAFF_PAGES } from './menu';
import { useDesktop } from './useDesktop';
import './StaffScreen.scss';

interface Props {
  /** Overrides the page's title from STAFF_PAGES (e.g. the notice's own title). */
  title?: string;
  /** Buttons at the title's right end on a PC. */
  actions?: ReactNode;
  tab?: TabKey;
  wide?: boolean;
  children?: ReactNode;
}

/**
 * Every staff page's frame. On a phone (and in weapp) the usual Screen; on a PC (h5 ≥ 1024 px)
 * the console: the menu by role on the left, a header with the unit and the person, breadcrumbs
 * with a back link, the title, and the page at the full width.
 */
export function StaffScreen(props: Props) {
  const desktop = useDesktop();
  const away = useSignInGate();
  if (away) return null;
  if (!desktop) {
    return (
      <Screen tab={props.tab} wide={props.wide}>
        {props.children}
      </Screen>
    );
  }
  return <Console {...props} />;
}

function Console({ title, actions, children }: Props) {
  const { me } = useMe();
  const path = useRouter().path.split('?')[0];
  const page = STAFF_PAGES[path];
  const crumbs = crumbsOf(path);
  const menu = menuFor(me?.roles ?? []);
  const parent = crumbs.length > 1 ? crumbs[crumbs.length - 2] : null;
  const back = (e: MouseEvent) => {
    e.preventDefault();
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else if (parent) void Taro.redirectTo({ url: parent.url });
  };
  useEffect(() => {
    document.title = `${title ?? page?.title ?? '工作台'} · 连心桥工作台`;
  }, [title, page]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Enter in a one-line field submits what it belongs to. The pages' NutUI forms are not
    // <form>s, so Enter presses the primary button of the field's card (this page's only: pages
    // below in the stack stay mounted).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing || e.defaultPrevented) return;
      const t = e.target;
      if (!(t instanceof HTMLInputElement) || !root.current?.contains(t) || t.closest('form')) return;
      if (!ONE_LINE.includes(t.type)) return;
      const primary = t
        .closest('.card, .panel')
        ?.querySelector<HTMLElement>('.nut-button--primary:not(.nut-button--disabled)');
      if (!primary) return;
      e.preventDefault();
      primary.click();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="desk" ref={root}>
      <nav className="desk__menu" aria-label="工作台菜单">
        <div className="desk__brand">
          <span className="desk__brand-name">连心桥</span>
          <span className="desk__brand-sub">政协工作台</span>
        </div>
        {menu.map((m) => (
          <Go
            key={m.key}
            url={m.url}
            className={`desk__entry ${page?.module === m.key ? 'desk__entry--on' : ''}`}
            current={page?.module === m.key}
          >
            {m.title}
          </Go>
        ))}
        <div className="desk__menu-foot">
          <Go url="/pages/index/index" className="desk__entry desk__entry--quiet" relaunch>
            群众端首页
          </Go>
          <IdentitySwitcher inline />
        </div>
      </nav>
      <div className="desk__main">
        <header className="desk__header">
          <span className="desk__unit">
            {me?.scopes?.length ? me.scopes.map((s) => s.name).join('、') : (me?.unit?.name ?? '')}
          </span>
          <span className="spacer" />
          <HeaderAccount />
        </header>
        <main className="desk__body">
          {parent ? (
            <div className="desk__crumbs" aria-label="位置">
              <a className="desk-link desk__back" href={`#${parent.url}`} onClick={back}>
                ‹ 返回
              </a>
              {crumbs.map((c, i) => (
                <span key={c.url} className="desk__crumb">
                  {i > 0 ? <span className="desk__crumb-sep">/</span> : null}
                  {i < crumbs.length - 1 ? (
                    <Go url={c.url} className="desk-link">
                      {c.title}
                    </Go>
                  ) : (
                    <span aria-current="page">{title ?? c.title}</span>
                  )}
                </span>
              ))}
            </div>
          ) : null}
          <div className="desk__titlebar">
            <h1 className="desk__title">{title ?? page?.title ?? ''}</h1>
            <span className="spacer" />
            {actions}
          </div>
          {children}
        </main>
      </div>
    </div>
  );
}

const ONE_LINE = ['text', 'number', 'tel', 'search', 'email', 'url', 'password'];

/**
 * A real link (keyboard, focus ring, open in a new tab) that moves within the app without piling
 * up pages: modules replace each other; 群众端首页 starts over; a sub-page opens on top.
 */
export function Go({
  url,
  className,
  current,
  relaunch,
  push,
  children,
}: {
  url: string;
  className?: string;
  current?: boolean;
  relaunch?: boolean;
  /** A sub-page: opened on top, so 返回 comes back to the same place in the list. */
  push?: boolean;
  children?: ReactNode;
}) {
  return (
    <a
      className={className}
      href={`#${url}`}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        if (relaunch) void Taro.reLaunch({ url });
        else if (push) void Taro.navigateTo({ url });
        else void Taro.redirectTo({ url });
      }}
    >
      {children}
    </a>
  );
}
