// The default theme, unchanged: the site's own styles are set by its configuration.
import DefaultTheme from 'vitepress/theme';

export default DefaultTheme;
